/**
 * A command that works on models (`check`, `render`): a plan (flags and config settled) and
 * a run of that plan. Its own module so that both the one-off run and the watch loop can
 * name it without importing each other.
 */
import type { ModelPaths } from '../config/load-config.js'

/** `fresh`: load the config and models afresh, past the module cache (watch mode, where they change). */
export interface Freshness {
  fresh: boolean
}

export interface RunOptions extends Freshness {
  /**
   * Model files (absolute) whose results from the previous run still hold: nothing they are
   * made of changed since (watch mode). A run may reuse those results instead of checking again.
   */
  unchanged?: ReadonlySet<string>
}

export interface ModelCommand<Plan> {
  /** Settles flags and config; throws on a bad config. */
  plan(options: Freshness): Promise<Plan>
  /** One run; returns its exit code. */
  run(plan: Plan, options: RunOptions): Promise<number>
  /** The model paths the plan covers: their folders are watched whole, so a new model file counts. */
  models(plan: Plan): ModelPaths
  /** The model files the plan covers, each watched with every project file it imports. */
  modelFiles(plan: Plan): Promise<string[]>
}
