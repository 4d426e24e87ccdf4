/** Fetches a visitor token and a demo agent token from a hub's demo site, as the widgets do. */
export async function demoTokens(
  hub: string,
  origin: string,
): Promise<{ visitor: string; agent: string }> {
  const post = async (path: string) => {
    const response = await fetch(`${hub}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ siteKey: 'demo' }),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  };
  return { visitor: await post('/api/v1/visitors'), agent: await post('/api/v1/demo/agent-token') };
}
