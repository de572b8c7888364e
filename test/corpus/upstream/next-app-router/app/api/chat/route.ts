// Accuracy corpus: Next.js App Router — AI route handlers (openai, @anthropic-ai/sdk) failing upstream. Labels: see test/corpus/README.md.
import { NextRequest, NextResponse } from 'next/server';
import OpenAI, { APIConnectionTimeoutError, APIError } from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { auth } from '@/lib/auth';
import { db } from '@/lib/db';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export const runtime = 'nodejs';

// positive no-500-for-upstream-failure (502 then 504): OpenAI APIError and connection timeout singled out, both answered 500; negative require-upstream-timeout: SDK client has its own default timeout.
export async function POST(req: NextRequest) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const { messages } = await req.json();
  try {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages });
    return NextResponse.json({ reply: completion.choices[0]?.message?.content ?? '' });
  } catch (err) {
    if (err instanceof APIConnectionTimeoutError) {
      return NextResponse.json({ error: 'The model took too long to answer' }, { status: 500 }); // expect: no-500-for-upstream-failure 504
    }
    if (err instanceof APIError) {
      console.error('openai error', err.status, err.code);
      return NextResponse.json({ error: 'The model request failed' }, { status: 500 }); // expect: no-500-for-upstream-failure 502
    }
    throw err;
  }
}

// positive no-500-for-upstream-failure (502): the try only calls the Anthropic Messages API; its failure is answered with a plain 500 Response.
export async function PUT(req: NextRequest) {
  const { prompt } = await req.json();
  try {
    const message = await anthropic.messages.create({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 512,
      messages: [{ role: 'user', content: prompt }],
    });
    const text = message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
    return Response.json({ text });
  } catch (err) {
    console.error('anthropic request failed', err);
    return new Response('Summarisation failed', { status: 500 }); // expect: no-500-for-upstream-failure 502
  }
}

// negative no-500-for-upstream-failure: the conversation is stored and the model is called in one try; the catch does not single out the SDK error.
export async function PATCH(req: NextRequest) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  const { conversationId, content } = await req.json();
  try {
    const history = await db.message.findMany({ where: { conversationId }, orderBy: { createdAt: 'asc' } });
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [...history.map((m) => ({ role: m.role, content: m.content })), { role: 'user', content }],
    });
    const saved = await db.message.create({ data: { conversationId, role: 'assistant', content: completion.choices[0].message.content ?? '' } });
    return NextResponse.json(saved);
  } catch (err) {
    console.error('chat turn failed', err);
    return NextResponse.json({ error: 'Something went wrong' }, { status: 500 });
  }
}

// negative no-500-for-upstream-failure: the upstream's own status (e.g. 429 from OpenAI) is forwarded, with its retry hint copied; negative require-retry-after.
export async function DELETE(req: NextRequest) {
  const { input } = await req.json();
  try {
    const result = await openai.moderations.create({ input });
    return NextResponse.json(result.results[0]);
  } catch (err) {
    if (err instanceof APIError && err.status) {
      return NextResponse.json(
        { error: 'Moderation failed' },
        { status: err.status, headers: { 'Retry-After': err.headers?.['retry-after'] ?? '30' } },
      );
    }
    throw err;
  }
}
