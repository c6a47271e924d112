// The rules one group of calls meets: the calls of one client to one server (they share both
// reference objects, so the kinds are the same for the whole group). Meeting every call with
// every rule of its target was calls × rules: 20,000 new paths checked against the 20,000
// rules `check --fix` had just written for them took 18 s, 40,000 over a minute. Here the kinds
// are compared once per group, the rules matched by equality (no `*`) are looked up by method
// and path, and only the rules with a `*` or a template are tried one by one.

import type { ObservedCall } from '../model.ts';
import {
  clientKindAgrees,
  hasHttpDetail,
  type RuleState,
  serverKindAgrees,
  stateAllowsCall,
} from './rule-index.ts';

/** A target a call reached (a workload, or a Service), and its client's rules for it. */
export interface TargetRules {
  workload: boolean;
  states: readonly RuleState[];
}

/** method (null: any) -> path (null: any) -> the plain rules with exactly these. */
type PlainRules = Map<string | null, Map<string | null, RuleState[]>>;

/** Up to this many plain rules a group compares one by one; more are looked up by method and path. */
const FEW_PLAIN = 8;

export class GroupRules {
  /** The rules whose client and server kinds agree with the group's: its target is declared. */
  private readonly agreeing: RuleState[] = [];
  /** Rules without a `*` or template, while there are at most FEW_PLAIN of them. */
  private readonly fewPlain: RuleState[] = [];
  /** The plain rules by method and path, once there are more than FEW_PLAIN (most groups never). */
  private plain: PlainRules | undefined;
  /** Rules with a `*` in the method or path: matched one by one. */
  private readonly patterned: RuleState[] = [];
  private sawDetail = false;
  private sawNoDetail = false;

  /** `first`: any call of the group (they share their client and server objects). */
  constructor(targets: readonly TargetRules[], first: ObservedCall) {
    // A rule found through two targets (a workload and its Service) counts once; with one
    // target there is nothing to tell apart.
    const seen = targets.length > 1 ? new Set<RuleState>() : undefined;
    for (const { workload, states } of targets) {
      for (let r = 0; r < states.length; r++) {
        const state = states[r]!;
        if (seen?.has(state)) continue;
        if (!clientKindAgrees(state.rule, first.client) || !serverKindAgrees(state.rule, workload, first))
          continue;
        seen?.add(state);
        this.agreeing.push(state);
        if (!(state.plainMethod && state.plainPath)) this.patterned.push(state);
        else if (this.plain !== undefined) this.addPlain(this.plain, state);
        else if (this.fewPlain.length < FEW_PLAIN) this.fewPlain.push(state);
        else {
          const plain: PlainRules = new Map();
          for (const known of this.fewPlain) this.addPlain(plain, known);
          this.addPlain(plain, state);
          this.fewPlain.length = 0;
          this.plain = plain;
        }
      }
    }
  }

  private addPlain(plain: PlainRules, state: RuleState): void {
    const { method, path } = state.rule;
    let byPath = plain.get(method);
    if (byPath === undefined) {
      byPath = new Map();
      plain.set(method, byPath);
    }
    const list = byPath.get(path);
    if (list === undefined) byPath.set(path, [state]);
    else list.push(state);
  }

  /**
   * Marks every rule the call matches and every rule whose target it called. Covered when a
   * rule allows it, or when it is an HTTP call without method/path and its client declared the
   * target at all (nothing to refute). A TCP connection is allowed only by a rule without HTTP
   * rules: Istio cannot build a rule with paths or methods for a TCP filter chain and skips it
   * (istio/istio pilot/pkg/security/authz/model/generator.go, "is HTTP only"; builder.go,
   * "skipped rule ... on TCP filter chain"), ztunnel drops it in ambient mode
   * (pilot/pkg/serviceregistry/ambient/authorization.go), and the intents-operator puts all of a
   * target's HTTP rules in that one rule.
   */
  covers(call: ObservedCall): boolean {
    const detail = hasHttpDetail(call);
    // Whether the target was called with or without detail is the same news for all its rules.
    if (detail && !this.sawDetail) {
      this.sawDetail = true;
      for (const state of this.agreeing) state.calledWithDetail = true;
    } else if (!detail && !this.sawNoDetail) {
      this.sawNoDetail = true;
      for (const state of this.agreeing) state.calledWithoutDetail = true;
    }
    let allowed = false;
    if (this.plain === undefined) {
      // A plain rule allows the call when its method and path are each the call's or any (null).
      for (let r = 0; r < this.fewPlain.length; r++) {
        const state = this.fewPlain[r]!;
        const { method, path } = state.rule;
        if ((method === null || method === call.method) && (path === null || path === call.path)) {
          state.matched = true;
          allowed = true;
        }
      }
    } else {
      allowed = this.matchPlain(this.plain, call.method, call.path);
      if (call.method !== null) allowed = this.matchPlain(this.plain, null, call.path) || allowed;
      if (call.path !== null) allowed = this.matchPlain(this.plain, call.method, null) || allowed;
      if (call.method !== null && call.path !== null)
        allowed = this.matchPlain(this.plain, null, null) || allowed;
    }
    for (let r = 0; r < this.patterned.length; r++) {
      const state = this.patterned[r]!;
      if (stateAllowsCall(state, call)) {
        state.matched = true;
        allowed = true;
      }
    }
    return allowed || (!detail && call.protocol !== 'tcp' && this.agreeing.length > 0);
  }

  /** Marks the plain rules declaring exactly this method and path (null: any); whether any. */
  private matchPlain(plain: PlainRules, method: string | null, path: string | null): boolean {
    const list = plain.get(method)?.get(path);
    if (list === undefined) return false;
    for (let r = 0; r < list.length; r++) list[r]!.matched = true;
    return true;
  }
}
