import newman, { type NewmanRunSummary } from 'newman';

/** Runs a Postman collection with newman (no reporter); the summary, and what the scripts wrote to Postman's console. */
export function runCollection(
  collection: unknown,
  variables: Record<string, string>,
): Promise<NewmanRunSummary & { console: string[] }> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    newman
      .run(
        {
          collection: collection as never,
          envVar: Object.entries(variables).map(([key, value]) => ({ key, value })),
          reporters: [],
          timeoutRequest: 10_000,
        },
        (error, summary) => (error ? reject(error) : resolve(Object.assign(summary, { console: lines }))),
      )
      .on('console', (_, event: { messages: unknown[] }) => lines.push(event.messages.map(String).join(' ')));
  });
}
