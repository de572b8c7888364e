// Accuracy corpus: Fastify — upstream failures (ky, fetch, @octokit/rest) and fastify-sensible 502/504 helpers. Labels: see test/corpus/README.md.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import ky, { HTTPError, TimeoutError } from 'ky';
import { Octokit } from '@octokit/rest';
import { RequestError } from '@octokit/request-error';
import { db } from '../../lib/db';

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN, userAgent: 'dashboards/1.4' });
const BADGES_URL = 'https://badges.example.dev/api';

type RepoParams = { owner: string; repo: string };

export default async function repoRoutes(fastify: FastifyInstance) {
  // positive no-500-for-upstream-failure (502): ky HTTPError singled out, answered 500; negative require-upstream-timeout: ky has a 10 s default timeout.
  fastify.get<{ Params: RepoParams }>('/repos/:owner/:repo/badge', async (request, reply) => {
    try {
      const badge = await ky.get(`${BADGES_URL}/${request.params.owner}/${request.params.repo}`).json<{ svg: string }>();
      return reply.type('image/svg+xml').send(badge.svg);
    } catch (err) {
      if (err instanceof HTTPError) {
        request.log.warn({ status: err.response.status }, 'badge service rejected');
        return reply.code(500).send({ error: 'Badge unavailable' }); // expect: no-500-for-upstream-failure 502
      }
      throw err;
    }
  });

  // positive no-500-for-upstream-failure (504): ky TimeoutError answered 500.
  fastify.get<{ Params: RepoParams }>('/repos/:owner/:repo/coverage', async (request, reply) => {
    try {
      const coverage = await ky.get(`https://coverage.example.dev/${request.params.owner}/${request.params.repo}.json`, { timeout: 4000 }).json();
      return coverage;
    } catch (err) {
      if (err instanceof TimeoutError) {
        return reply.status(500).send({ error: 'Coverage service timed out' }); // expect: no-500-for-upstream-failure 504
      }
      return reply.status(502).send({ error: 'Coverage service failed' });
    }
  });

  // positive no-500-for-upstream-failure (502): the try only calls the GitHub API through Octokit; 404 passed on, everything else 500.
  fastify.get<{ Params: RepoParams }>('/repos/:owner/:repo', async (request, reply) => {
    try {
      const { data } = await octokit.rest.repos.get({ owner: request.params.owner, repo: request.params.repo });
      return { name: data.full_name, stars: data.stargazers_count, defaultBranch: data.default_branch };
    } catch (err) {
      if (err instanceof RequestError && err.status === 404) {
        return reply.code(404).send({ error: 'Repository not found' });
      }
      request.log.error({ err }, 'github lookup failed');
      return reply.code(500).send({ error: 'GitHub lookup failed' }); // expect: no-500-for-upstream-failure 502
    }
  });

  // positive no-500-for-upstream-failure (502): fastify-sensible internalServerError() after the Octokit call failed.
  fastify.get<{ Params: RepoParams }>('/repos/:owner/:repo/releases', async (request, reply) => {
    try {
      const { data } = await octokit.rest.repos.listReleases({ owner: request.params.owner, repo: request.params.repo, per_page: 10 });
      return data.map((r) => ({ tag: r.tag_name, publishedAt: r.published_at }));
    } catch (err) {
      request.log.error({ err }, 'release listing failed');
      return reply.internalServerError('Could not list releases'); // expect: no-500-for-upstream-failure 502
    }
  });

  // positive no-500-for-upstream-failure (502): branch on a failed upstream status (>= 400) answered 500.
  fastify.get<{ Params: RepoParams }>('/repos/:owner/:repo/ci', async (request, reply) => {
    const ciRes = await fetch(`https://ci.example.dev/api/v1/projects/${request.params.owner}/${request.params.repo}/status`, {
      signal: AbortSignal.timeout(5000),
    });
    if (ciRes.status >= 400) {
      return reply.code(500).send({ error: 'CI status unavailable' }); // expect: no-500-for-upstream-failure 502
    }
    return ciRes.json();
  });

  // negative no-500-for-upstream-failure: database write and ky call in one try, no upstream error singled out.
  fastify.post<{ Params: RepoParams }>('/repos/:owner/:repo/watch', async (request, reply) => {
    try {
      const watch = await db.watches.create({ owner: request.params.owner, repo: request.params.repo, userId: request.user.id });
      await ky.post(`${BADGES_URL}/subscriptions`, { json: { repo: `${request.params.owner}/${request.params.repo}` } });
      return reply.code(201).send(watch);
    } catch (err) {
      request.log.error({ err }, 'watch failed');
      return reply.code(500).send({ error: 'Could not watch repository' });
    }
  });

  // positive no-502-for-internal-error (500): reply.badGateway() for a database-only failure.
  fastify.get('/watches', async (request, reply) => {
    try {
      return await db.watches.findMany({ where: { userId: request.user.id } });
    } catch (err) {
      request.log.error({ err }, 'watch list failed');
      return reply.badGateway('Could not load watches'); // expect: no-502-for-internal-error 500
    }
  });

  // positive no-502-for-internal-error (500): reply.gatewayTimeout() for a slow local aggregate query.
  fastify.get('/watches/stats', async (request, reply) => {
    try {
      return await db.$queryRaw`SELECT repo, count(*) FROM watches GROUP BY repo`;
    } catch (err) {
      return reply.gatewayTimeout(); // expect: no-502-for-internal-error 500
    }
  });

  // negative no-502-for-internal-error: throwing httpErrors.badGateway() after the GitHub call failed is right; negative no-500-for-upstream-failure.
  fastify.get<{ Params: RepoParams }>('/repos/:owner/:repo/contributors', async (request) => {
    try {
      const { data } = await octokit.rest.repos.listContributors({ owner: request.params.owner, repo: request.params.repo });
      return data.slice(0, 20);
    } catch (err) {
      throw fastify.httpErrors.badGateway('GitHub contributors failed');
    }
  });

  // positive require-upstream-timeout: an AbortController is passed but nothing ever aborts it, so the fetch has no timeout.
  fastify.get<{ Params: RepoParams }>('/repos/:owner/:repo/readme-html', async (request, reply) => {
    const controller = new AbortController();
    request.raw.on('close', () => request.log.debug('client went away'));
    try {
      const res = await fetch(`https://render.example.dev/readme/${request.params.owner}/${request.params.repo}`, { signal: controller.signal }); // expect: require-upstream-timeout
      return reply.type('text/html').send(await res.text());
    } catch (err) {
      return reply.code(502).send({ error: 'Renderer failed' });
    }
  });

  // negative require-upstream-timeout: the AbortController is aborted by a timer, so the fetch has a deadline; negative no-500-for-upstream-failure (504 already).
  fastify.get<{ Params: RepoParams }>('/repos/:owner/:repo/license', async (request: FastifyRequest<{ Params: RepoParams }>, reply: FastifyReply) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 3000);
    try {
      const res = await fetch(`https://licenses.example.dev/detect/${request.params.owner}/${request.params.repo}`, { signal: controller.signal });
      return await res.json();
    } catch (err) {
      if ((err as Error).name === 'AbortError') return reply.code(504).send({ error: 'License detection timed out' });
      return reply.code(502).send({ error: 'License detection failed' });
    } finally {
      clearTimeout(timer);
    }
  });
}
