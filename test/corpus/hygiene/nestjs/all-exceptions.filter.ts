// Accuracy corpus: NestJS — exception filters (@Catch()) and exception bodies built from caught errors. Labels: see test/corpus/README.md.
import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  Logger,
  Param,
  Post,
  ServiceUnavailableException,
  Res,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { PrismaService } from '../prisma/prisma.service';
import { QueueHealth } from '../queue/queue-health';

// positive error-handler-respects-status: catches everything (NotFoundException, ForbiddenException...) and answers 500.
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    this.logger.error(`${request.method} ${request.url}`, exception instanceof Error ? exception.stack : undefined);
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: 'Internal server error' }); // expect: error-handler-respects-status
  }
}

// negative error-handler-respects-status: uses instanceof HttpException and getStatus() before falling back to 500.
@Catch()
export class HttpAwareExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    const body = exception instanceof HttpException ? exception.getResponse() : { statusCode: 500, message: 'Internal server error' };
    response.status(status).json(body);
  }
}

// positive error-handler-respects-status and positive no-leaked-error-details: blanket 500 that also returns the stack.
@Catch()
export class DebugExceptionFilter implements ExceptionFilter {
  catch(exception: any, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    res.status(500).json({ // expect: error-handler-respects-status
      message: 'Unexpected error',
      stack: exception.stack, // expect: no-leaked-error-details
    });
  }
}

// negative error-handler-respects-status: extends BaseExceptionFilter and delegates to super.catch() (Nest's own status mapping).
@Catch()
export class SentryFilter extends BaseExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    console.error('reporting to sentry', exception);
    super.catch(exception, host);
  }
}

// positive error-handler-respects-status: a catch-all filter for GraphQL-less REST that always sends 500 via HttpStatus.
@Catch()
export class LegacyJsonFilter implements ExceptionFilter {
  catch(_exception: Error, host: ArgumentsHost) {
    host.switchToHttp().getResponse<Response>().status(HttpStatus.INTERNAL_SERVER_ERROR).send({ ok: false }); // expect: error-handler-respects-status
  }
}

@Controller('jobs')
export class JobsController {
  constructor(private readonly prisma: PrismaService, private readonly queue: QueueHealth) {}

  // positive no-leaked-error-details: the Prisma error message becomes the 500 body's message.
  @Get(':id')
  async findOne(@Param('id') id: string) {
    try {
      return await this.prisma.job.findUniqueOrThrow({ where: { id } });
    } catch (err) {
      throw new InternalServerErrorException((err as Error).message); // expect: no-leaked-error-details
    }
  }

  // negative no-leaked-error-details: the cause is attached for logging (not serialised), the body is generic.
  @Post(':id/retry')
  async retry(@Param('id') id: string) {
    try {
      return await this.prisma.job.update({ where: { id }, data: { status: 'queued', attempts: { increment: 1 } } });
    } catch (err) {
      throw new InternalServerErrorException('Could not requeue job', { cause: err });
    }
  }

  // positive require-retry-after: ServiceUnavailableException thrown with no Retry-After anywhere.
  @Post()
  async create() {
    if (await this.queue.isSaturated()) throw new ServiceUnavailableException('Job queue is saturated'); // expect: require-retry-after
    return this.prisma.job.create({ data: { status: 'queued' } });
  }

  // negative require-retry-after: the response object gets Retry-After before the 503 is sent.
  @Post('priority')
  async createPriority(@Res() res: Response) {
    if (await this.queue.isSaturated()) {
      res.setHeader('Retry-After', '60');
      return res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ message: 'Job queue is saturated' });
    }
    return res.status(201).json(await this.prisma.job.create({ data: { status: 'queued', priority: true } }));
  }

  // positive require-retry-after: HttpException with TOO_MANY_REQUESTS, no header.
  @Post('bulk')
  async bulk() {
    if ((await this.queue.pendingFor('bulk')) > 10) {
      throw new HttpException('Too many bulk jobs pending', HttpStatus.TOO_MANY_REQUESTS); // expect: require-retry-after
    }
    return { accepted: true };
  }
}
