// Accuracy corpus: Next.js pages/api — GitHub stars and npm downloads via axios and @octokit/graphql. Labels: see test/corpus/README.md.
import type { NextApiRequest, NextApiResponse } from 'next';
import axios from 'axios';
import { graphql, GraphqlResponseError } from '@octokit/graphql';

const gh = graphql.defaults({ headers: { authorization: `token ${process.env.GITHUB_TOKEN}` } });

// positive require-upstream-timeout: axios.get to the npm registry without a timeout; positive no-500-for-upstream-failure (502): the axios error answered 500.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const pkg = String(req.query.pkg ?? '');
  if (!pkg) return res.status(400).json({ error: 'pkg is required' });
  try {
    const { data } = await axios.get(`https://api.npmjs.org/downloads/point/last-week/${encodeURIComponent(pkg)}`); // expect: require-upstream-timeout
    return res.status(200).json({ downloads: data.downloads });
  } catch (err) {
    if (axios.isAxiosError(err) && err.response?.status === 404) return res.status(404).json({ error: 'Unknown package' });
    return res.status(500).json({ error: 'Could not fetch downloads' }); // expect: no-500-for-upstream-failure 502
  }
}

// positive no-500-for-upstream-failure (502): GraphqlResponseError from @octokit/graphql answered 500.
export async function starsHandler(req: NextApiRequest, res: NextApiResponse) {
  try {
    const { repository } = await gh<{ repository: { stargazerCount: number } }>(
      `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { stargazerCount } }`,
      { owner: String(req.query.owner), name: String(req.query.name) },
    );
    res.json({ stars: repository.stargazerCount });
  } catch (err) {
    if (err instanceof GraphqlResponseError) {
      res.status(500).json({ error: 'GitHub query failed' }); // expect: no-500-for-upstream-failure 502
      return;
    }
    throw err;
  }
}
