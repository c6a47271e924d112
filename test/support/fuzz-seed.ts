// Loaded before every test file (`npm test` passes it with --import). With FUZZ_SEED set,
// every property test of the run draws from that seed, so a run can be repeated exactly:
// .ci/run sets it from the commit under test, which makes a clean-clone run on this machine
// draw the same cases as CI's run of the same commit, while each new commit draws new ones.
// Without it, fast-check picks a fresh seed per property (and prints it when one fails).
import fc from 'fast-check';

const given = process.env.FUZZ_SEED;
if (given !== undefined && given !== '') {
  const seed = Number(given);
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`FUZZ_SEED must be an integer (fast-check's seed), not ${JSON.stringify(given)}`);
  }
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: seed | 0 });
}
