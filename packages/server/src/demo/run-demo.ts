import type { AppContext } from '../app-context.js'
import type { DemoStep, DemoStepResult } from '../haven-module.js'

/**
 * Runs every module's demo step, in the order of the modules list, reporting each as it finishes.
 * Steps are idempotent: running `haven demo` twice adds nothing the second time.
 */
export async function runDemo(
  app: AppContext,
  report: (name: string, result: DemoStepResult, step: DemoStep) => void = () => {},
): Promise<{ name: string; result: DemoStepResult }[]> {
  const results = []
  for (const step of app.modules.flatMap((m) => (m.demo ? [m.demo] : []))) {
    const result = await step.run(app)
    report(step.name, result, step)
    results.push({ name: step.name, result })
  }
  return results
}
