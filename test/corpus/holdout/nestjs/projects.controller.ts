// Accuracy corpus (held-out): nestjs — projects controller with class-validator, Octokit and TypeORM. Labels: see test/corpus/README.md.
import {
  BadGatewayException,
  BadRequestException,
  Body,
  Controller,
  Get,
  GatewayTimeoutException,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  Logger,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min, validate, validateOrReject } from 'class-validator';
import { Octokit } from '@octokit/rest';
import { Project } from './project.entity';
import { BillingService } from '../billing/billing.service';

class CreateProjectDto {
  @IsString()
  @Length(3, 64)
  name!: string;

  @IsOptional()
  @IsString()
  repo?: string;
}

class ListQuery {
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;
}

@Controller('projects')
export class ProjectsController {
  private readonly logger = new Logger(ProjectsController.name);
  private readonly octokit = new Octokit({ auth: process.env.GITHUB_TOKEN, request: { timeout: 5000 } });

  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    private readonly billing: BillingService,
  ) {}

  // positive: class-validator validate() returns errors, controller throws InternalServerErrorException
  @Post()
  async create(@Body() raw: unknown) {
    const dto = plainToInstance(CreateProjectDto, raw);
    const errors = await validate(dto);
    if (errors.length > 0) {
      throw new InternalServerErrorException('Project definition is invalid'); // expect: no-500-for-validation 400
    }
    return this.projects.save(this.projects.create(dto));
  }

  // positive: the try only runs validateOrReject on the query DTO; catch throws a 500 HttpException
  @Get()
  async list(@Query() rawQuery: Record<string, string>) {
    const query = plainToInstance(ListQuery, { pageSize: Number(rawQuery.pageSize ?? 20) });
    try {
      await validateOrReject(query);
    } catch {
      throw new HttpException('pageSize must be 1..100', HttpStatus.INTERNAL_SERVER_ERROR); // expect: no-500-for-validation 400
    }
    return this.projects.find({ take: query.pageSize, order: { createdAt: 'DESC' } });
  }

  // negative: class-validator errors mapped to BadRequestException
  @Put(':id')
  async rename(@Param('id') id: string, @Body() raw: unknown) {
    const dto = plainToInstance(CreateProjectDto, raw);
    const errors = await validate(dto, { skipMissingProperties: true });
    if (errors.length) {
      throw new BadRequestException(errors.map((e) => Object.values(e.constraints ?? {})).flat());
    }
    await this.projects.update(id, { name: dto.name });
    return this.projects.findOneByOrFail({ id });
  }

  // positive: Octokit is the only failable work; failure becomes InternalServerErrorException
  @Get(':id/commits')
  async commits(@Param('id') id: string) {
    const project = await this.projects.findOneByOrFail({ id });
    const [owner, repo] = (project.repo ?? '').split('/');
    try {
      const { data } = await this.octokit.repos.listCommits({ owner, repo, per_page: 10 });
      return data.map((c) => ({ sha: c.sha, message: c.commit.message }));
    } catch (err) {
      this.logger.warn(`github commits failed for ${id}`);
      throw new InternalServerErrorException('Could not load commits'); // expect: no-500-for-upstream-failure 502
    }
  }

  // negative: Octokit failure already mapped to 502 / 504
  @Get(':id/readme')
  async readme(@Param('id') id: string) {
    const project = await this.projects.findOneByOrFail({ id });
    const [owner, repo] = (project.repo ?? '').split('/');
    try {
      const { data } = await this.octokit.repos.getReadme({ owner, repo, mediaType: { format: 'raw' } });
      return { markdown: data };
    } catch (err: any) {
      if (err?.name === 'AbortError' || err?.code === 'ETIMEDOUT') {
        throw new GatewayTimeoutException('GitHub timed out');
      }
      throw new BadGatewayException('GitHub request failed');
    }
  }

  // positive: TypeORM lookup failure reported as a bad gateway
  @Get(':id')
  async findOne(@Param('id') id: string) {
    let project: Project | null;
    try {
      project = await this.projects.findOneBy({ id });
    } catch (e) {
      this.logger.error(`project lookup failed for ${id}`);
      throw new BadGatewayException('Project store unavailable'); // expect: no-502-for-internal-error 500
    }
    if (!project) throw new HttpException('Not found', HttpStatus.NOT_FOUND);
    return project;
  }

  // negative: 502 after an injected service whose internals are unknown
  @Post(':id/upgrade')
  async upgrade(@Param('id') id: string) {
    try {
      return await this.billing.upgradeProject(id);
    } catch {
      throw new BadGatewayException('Billing is unavailable');
    }
  }

  // positive: TypeORM save fails, 504 thrown through HttpException with a numeric status
  @Post(':id/archive')
  async archive(@Param('id') id: string) {
    try {
      await this.projects.update(id, { archivedAt: new Date() });
    } catch {
      throw new HttpException('Archive timed out', HttpStatus.GATEWAY_TIMEOUT); // expect: no-502-for-internal-error 500
    }
    return { archived: true };
  }
}
