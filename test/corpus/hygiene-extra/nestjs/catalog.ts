// Extra hygiene cases (NestJS).
import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  Header,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  Param,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Response } from 'express';
import { CatalogService } from './catalog.service';

@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('search')
  async search() {
    if (!(await this.catalog.indexReady())) throw new ServiceUnavailableException('Search index is rebuilding'); // expect: require-retry-after
    return this.catalog.search();
  }

  @Get('export')
  @Header('Retry-After', '600')
  async export() {
    if (await this.catalog.exportRunning()) throw new ServiceUnavailableException('An export is already running');
    return this.catalog.export();
  }

  @Get(':id')
  async find(@Param('id') id: string) {
    try {
      return await this.catalog.find(id);
    } catch (error) {
      throw new InternalServerErrorException({ message: 'Lookup failed', cause: error.message }); // expect: no-leaked-error-details
    }
  }
}

@Catch()
export class CatalogExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      return res.status(exception.getStatus()).json(exception.getResponse());
    }
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: 'Internal server error' });
  }
}

@Catch(HttpException)
export class LoggingHttpFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    console.error(exception);
    res.status(500).json({ message: 'Request failed' }); // expect: error-handler-respects-status
  }
}
