/** Lets the page paint and answer input between slices of work (a message is not throttled like a timer). */
export function yieldToPage(): Promise<void> {
  return new Promise((ok) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(ok, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      ok();
    };
    channel.port2.postMessage(null);
  });
}
