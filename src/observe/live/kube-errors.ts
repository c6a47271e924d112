// What the API server said, in words a user can act on. Failures come back as Status objects
// ({kind: Status, status: Failure, message, reason, code}); a 403 is an RBAC rule the user lacks.
import { ApiException } from '@kubernetes/client-node';

export interface KubeFailure {
  code: number;
  reason: string | undefined;
  message: string;
}

/** Reads a Status body (JSON text or an already parsed object); falls back to the raw text. */
export function statusOf(code: number, body: unknown): KubeFailure {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      const text = body.trim().split('\n')[0] ?? '';
      return { code, reason: undefined, message: text.slice(0, 300) || `HTTP ${code}` };
    }
  }
  if (parsed !== null && typeof parsed === 'object') {
    const s = parsed as { message?: unknown; reason?: unknown };
    return {
      code,
      reason: typeof s.reason === 'string' ? s.reason : undefined,
      message: typeof s.message === 'string' ? s.message : `HTTP ${code}`,
    };
  }
  return { code, reason: undefined, message: `HTTP ${code}` };
}

/** An ApiException from the generated client, or a network error, as a KubeFailure. */
export function failureOf(err: unknown): KubeFailure {
  if (err instanceof ApiException) return statusOf(err.code, err.body);
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.cause?.code ?? e.code;
  const message = e.cause?.message ?? e.message ?? String(err);
  return { code: 0, reason: code, message };
}

/** `list pods` -> the ClusterRole line the user is missing. */
export function permissionHint(verb: string, resource: string): string {
  return `missing permission: ${verb} ${resource} (see rbac/intent-drift-clusterrole.yaml)`;
}
