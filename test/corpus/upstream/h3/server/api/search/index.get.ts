// Accuracy corpus: h3/Nuxt — search endpoint over Algolia and an ofetch-based recommendations API. Labels: see test/corpus/README.md.
import { defineEventHandler, getQuery, createError, setResponseStatus } from 'h3';
import { algoliasearch } from 'algoliasearch';
import { ofetch, FetchError } from 'ofetch';

const algolia = algoliasearch(process.env.ALGOLIA_APP_ID!, process.env.ALGOLIA_API_KEY!);

// Same-file helper with an ofetch timeout.
function getRecommendations(userId: string) {
  return ofetch<{ ids: string[] }>(`${process.env.RECS_URL}/users/${userId}/recommendations`, { timeout: 2500, retry: 0 });
}

// positive no-500-for-upstream-failure (502): the try only queries Algolia; createError 500 on failure.
export default defineEventHandler(async (event) => {
  const { q, page } = getQuery(event);
  try {
    const { results } = await algolia.search({ requests: [{ indexName: 'products', query: String(q ?? ''), page: Number(page ?? 0) }] });
    return results[0];
  } catch (err) {
    console.error('algolia search failed', err);
    throw createError({ statusCode: 500, statusMessage: 'Search failed' }); // expect: no-500-for-upstream-failure 502
  }
});

// positive no-500-for-upstream-failure (502): ofetch FetchError from the same-file helper singled out, setResponseStatus(500).
export const recommendations = defineEventHandler(async (event) => {
  const userId = event.context.user.id;
  try {
    return await getRecommendations(userId);
  } catch (err) {
    if (err instanceof FetchError) {
      setResponseStatus(event, 500); // expect: no-500-for-upstream-failure 502
      return { ids: [] };
    }
    throw err;
  }
});
