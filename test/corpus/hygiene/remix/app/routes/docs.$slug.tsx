// Accuracy corpus: Remix — docs page loader with CDN cache headers and its error responses. Labels: see test/corpus/README.md.
import { json, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { db } from '~/lib/db.server';

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

// positive no-cacheable-error-response: the thrown 500 carries the same CDN cache header as the page; negative no-leaked-error-details: generic body.
export async function loader({ params }: LoaderFunctionArgs) {
  const cacheHeaders = { 'Cache-Control': 'public, max-age=60, s-maxage=3600' };
  try {
    const doc = await db.doc.findUnique({ where: { slug: params.slug } });
    if (!doc) throw json({ error: 'Not found' }, { status: 404 });
    return json(doc, { headers: cacheHeaders });
  } catch (err) {
    if (err instanceof Response) throw err;
    throw json({ error: 'Docs unavailable' }, { status: 500, headers: cacheHeaders }); // expect: no-cacheable-error-response
  }
}

export default function DocPage() {
  const doc = useLoaderData<typeof loader>();
  return <article dangerouslySetInnerHTML={{ __html: doc.html }} />;
}
