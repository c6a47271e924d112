// Prints the Istio release the action installs by default, so the kind workflow installs the same
// one without writing the pin a second time: `node scripts/istio-version.ts`.
import { DEFAULT_ISTIO_VERSION } from '../src/cluster/istio-install.ts';

process.stdout.write(`${DEFAULT_ISTIO_VERSION}\n`);
