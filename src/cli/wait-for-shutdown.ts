/** Resolves on the first SIGINT or SIGTERM: how the long-running commands (view, serve, review) wait to stop. */
export function waitForShutdownSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
