// `kubectl get ... --output json`, read rather than shown: the JSON stays out of the log, and
// output that is not the JSON kubectl writes fails the step with one line.
import { ClusterStepError, mustRun, type StepContext } from './cluster-step.ts';

const GET_TIMEOUT_MS = 60_000;

/** The parsed object; a failed command or unreadable output fails `step`. */
export async function readJson(
  ctx: StepContext,
  step: string,
  args: readonly string[],
): Promise<Record<string, unknown>> {
  const result = await mustRun(ctx, step, {
    program: 'kubectl',
    args: [...args, '--output', 'json'],
    timeoutMs: GET_TIMEOUT_MS,
    readOutput: true,
  });
  try {
    const parsed: unknown = JSON.parse(result.stdout);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Told below.
  }
  throw new ClusterStepError(step, `kubectl ${args.slice(0, 2).join(' ')} did not write a JSON object`);
}

/** The `items` of a List, as objects. */
export function itemsOf(list: Record<string, unknown>): Record<string, unknown>[] {
  const items = list.items;
  if (!Array.isArray(items)) return [];
  return items.filter((i): i is Record<string, unknown> => i !== null && typeof i === 'object');
}
