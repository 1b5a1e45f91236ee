import type { AppContext } from '../app-context.js'

/**
 * What a demo step did, for the command's summary. Both counts count the same thing (the step's
 * `counts`), so a second run reports as "already there" what the first reported as "added".
 */
export interface DemoStepResult {
  created: number
  skipped: number
  /** What came with what was added ("with 15 residents and 9 log entries"). */
  detail?: string
}

/**
 * One module's synthetic data. Steps run in the order they were registered and must be
 * idempotent: running `haven demo` twice adds nothing the second time.
 */
export interface DemoStep {
  name: string
  /** What `created` and `skipped` count, singular and plural (default "item", "items"). */
  counts?: { one: string; other: string }
  run(app: AppContext): Promise<DemoStepResult>
}

const steps: DemoStep[] = []

export function registerDemoStep(step: DemoStep): void {
  if (steps.some((s) => s.name === step.name))
    throw new Error(`demo step "${step.name}" registered twice`)
  steps.push(step)
}

export function demoSteps(): readonly DemoStep[] {
  return steps
}

/** Runs every registered step, reporting each as it finishes. */
export async function runDemo(
  app: AppContext,
  report: (name: string, result: DemoStepResult, step: DemoStep) => void = () => {},
): Promise<{ name: string; result: DemoStepResult }[]> {
  const results = []
  for (const step of steps) {
    const result = await step.run(app)
    report(step.name, result, step)
    results.push({ name: step.name, result })
  }
  return results
}
