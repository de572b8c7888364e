// Accuracy corpus (held-out): next-app-router — summarization via openai. Labels: see test/corpus/README.md.
import { NextResponse } from 'next/server';
import OpenAI from 'openai';
import { z } from 'zod';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 20_000, maxRetries: 0 });

const Summary = z.object({ summary: z.string(), bullets: z.array(z.string()).max(5) });

export const runtime = 'nodejs';

// positive: the openai call (and reading its result) is the only failable work, catch answers 500
export async function POST(request: Request) {
  const { text } = (await request.json()) as { text?: string };
  if (!text || text.length > 20_000) {
    return NextResponse.json({ error: 'text is required (max 20k chars)' }, { status: 400 });
  }
  let content: string;
  try {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: 'Summarize as JSON {summary, bullets}.' },
        { role: 'user', content: text },
      ],
    });
    content = completion.choices[0]?.message?.content ?? '';
  } catch (error) {
    console.warn('openai request failed');
    return NextResponse.json({ error: 'Summarizer unavailable' }, { status: 500 }); // expect: no-500-for-upstream-failure 502
  }

  // negative: the model output (an upstream response) fails our schema; 502 is right and this is not request validation
  const parsed = Summary.safeParse(safeJson(content));
  if (!parsed.success) {
    return NextResponse.json({ error: 'Summarizer returned an unexpected shape' }, { status: 502 });
  }
  return NextResponse.json(parsed.data);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
