// Accuracy corpus (held-out): sveltekit — translation proxy. Labels: see test/corpus/README.md.
import { error, json } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { RequestHandler } from './$types';

// positive: the event fetch to the translation API is the only failable work; catch raises 500
export const POST: RequestHandler = async ({ request, fetch }) => {
  const { text, target } = await request.json();
  if (!text || !target) error(400, 'text and target are required');
  let translated: { text: string };
  try {
    const res = await fetch(`${env.TRANSLATE_URL}/v2/translate`, {
      method: 'POST',
      headers: { authorization: `DeepL-Auth-Key ${env.TRANSLATE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: [text], target_lang: target }),
      signal: AbortSignal.timeout(6000),
    });
    translated = (await res.json()).translations[0];
  } catch {
    error(500, 'Translation failed'); // expect: no-500-for-upstream-failure 502
  }
  return json(translated);
};
