// The shapes of an intents edit, shared by the editor (edit-intents.ts), its helpers for
// targets and new files, and the deliverers that commit or describe the edit.
import type { YAMLSeq } from 'yaml';
import type { MissingCall, StaleRule, WorkloadRef } from '../model.ts';

/**
 * The text of each intents file by the name its rules carry: a Map, or a reader that opens a
 * file only when the edit needs it (a large drift touches a few of thousands of files).
 */
export interface IntentsSources {
  /** Whether the file is one of the intents files (without reading it). */
  has(file: string): boolean;
  /** Its text; undefined for a file that is not one of them, or one the editor leaves alone. */
  get(file: string): string | undefined;
  /** Why the editor leaves this intents file alone (`UTF-16`), or undefined when it may edit it. */
  leftAlone?(file: string): string | undefined;
}

export interface IntentsEditRequest {
  missing: MissingCall[];
  /** Rules to remove: empty unless pruning was asked for. */
  stale: StaleRule[];
}

export interface IntentChange {
  action: 'add' | 'remove';
  client: WorkloadRef;
  /** The server as written in the intents (`nginx`, `nginx.other-ns`). */
  server: string;
  method: string | null;
  path: string | null;
  file: string;
}

export interface IntentsFileEdit {
  file: string;
  /** Null for a new file. */
  before: string | null;
  after: string;
}

export interface IntentsEditResult {
  files: IntentsFileEdit[];
  changes: IntentChange[];
  /** Drift that no edit can express (e.g. a call without HTTP detail to a target with HTTP rules). */
  skipped: string[];
}

export interface TargetList {
  seq: YAMLSeq;
  /** v2alpha1/v2beta1 `spec.targets`; otherwise v1 `spec.calls`. */
  v2: boolean;
  /** v1alpha2 names the rule list `resources`, later v1 versions `HTTPResources`. */
  resourcesKey: string;
}
