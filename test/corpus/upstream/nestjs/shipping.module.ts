// Accuracy corpus: NestJS — HttpService and SDK calls (carrier API, @google-cloud/storage) failing, with Nest exceptions. Labels: see test/corpus/README.md.
import {
  BadGatewayException,
  Body,
  Controller,
  GatewayTimeoutException,
  Get,
  HttpException,
  HttpStatus,
  Injectable,
  InternalServerErrorException,
  Logger,
  Module,
  NotFoundException,
  Param,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { HttpModule, HttpService } from '@nestjs/axios';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AxiosError } from 'axios';
import { catchError, firstValueFrom, map, timeout, TimeoutError } from 'rxjs';
import { Storage } from '@google-cloud/storage';
import { Shipment } from './shipment.entity';
import { PaymentsService } from '../payments/payments.service';
import { CreateShipmentDto } from './dto/create-shipment.dto';

const storage = new Storage();
const labelsBucket = storage.bucket(process.env.LABELS_BUCKET ?? 'shipping-labels');

@Injectable()
export class CarrierClient {
  private readonly logger = new Logger(CarrierClient.name);

  constructor(private readonly http: HttpService) {}

  // Same-file service method: an upstream call through HttpService (module registered with a timeout below).
  async getQuote(from: string, to: string, weightGrams: number) {
    const { data } = await firstValueFrom(
      this.http.post('/v2/quotes', { from, to, weightGrams }),
    );
    return data as { service: string; priceCents: number }[];
  }
}

@Controller('shipments')
export class ShipmentsController {
  private readonly logger = new Logger(ShipmentsController.name);

  constructor(
    private readonly http: HttpService,
    private readonly carrier: CarrierClient,
    private readonly payments: PaymentsService,
    @InjectRepository(Shipment) private readonly shipments: Repository<Shipment>,
  ) {}

  // positive no-500-for-upstream-failure (502): the try only calls the same-file CarrierClient (HttpService); negative require-upstream-timeout: HttpModule registered with a timeout.
  @Post('quote')
  async quote(@Body() body: { from: string; to: string; weightGrams: number }) {
    try {
      return await this.carrier.getQuote(body.from, body.to, body.weightGrams);
    } catch (err) {
      this.logger.error('carrier quote failed', err instanceof Error ? err.stack : undefined);
      throw new InternalServerErrorException('Could not get a shipping quote'); // expect: no-500-for-upstream-failure 502
    }
  }

  // positive no-500-for-upstream-failure (504): rxjs timeout() on the HttpService call, TimeoutError answered 500.
  @Get(':id/tracking')
  async tracking(@Param('id') id: string) {
    try {
      const { data } = await firstValueFrom(this.http.get(`/v2/tracking/${id}`).pipe(timeout(4000)));
      return data;
    } catch (err) {
      if (err instanceof TimeoutError) {
        throw new InternalServerErrorException('Tracking lookup timed out'); // expect: no-500-for-upstream-failure 504
      }
      throw new BadGatewayException('Tracking lookup failed');
    }
  }

  // positive no-500-for-upstream-failure (502): catchError on the HttpService observable singles out the AxiosError and throws a 500.
  @Get(':id/events')
  events(@Param('id') id: string) {
    return this.http.get(`/v2/tracking/${id}/events`).pipe(
      map((res) => res.data.events),
      catchError((err: AxiosError) => {
        this.logger.warn(`carrier answered ${err.response?.status}`);
        throw new HttpException('Tracking events unavailable', HttpStatus.INTERNAL_SERVER_ERROR); // expect: no-500-for-upstream-failure 502
      }),
    );
  }

  // positive no-500-for-upstream-failure (502): the try only uploads to Google Cloud Storage.
  @Post(':id/label')
  @UseInterceptors(FileInterceptor('file'))
  async uploadLabel(@Param('id') id: string, @UploadedFile() file: Express.Multer.File) {
    try {
      await labelsBucket.file(`${id}.pdf`).save(file.buffer, { contentType: 'application/pdf', resumable: false });
      return { ok: true };
    } catch (err) {
      this.logger.error('label upload failed');
      throw new InternalServerErrorException('Could not store label'); // expect: no-500-for-upstream-failure 502
    }
  }

  // negative no-500-for-upstream-failure: repository write mixed with the HttpService call, the catch does not single out the upstream error.
  @Post()
  async create(@Body() dto: CreateShipmentDto) {
    try {
      const shipment = await this.shipments.save(this.shipments.create(dto));
      await firstValueFrom(this.http.post('/v2/shipments', { reference: shipment.id, ...dto }));
      return shipment;
    } catch (err) {
      this.logger.error('shipment creation failed');
      throw new InternalServerErrorException('Could not create shipment');
    }
  }

  // positive no-500-for-upstream-failure (502): mixed try, but the catch singles out the AxiosError from the carrier before falling back.
  @Post(':id/cancel')
  async cancel(@Param('id') id: string) {
    try {
      const shipment = await this.shipments.findOneByOrFail({ id });
      await firstValueFrom(this.http.post(`/v2/shipments/${shipment.id}/cancel`, {}));
      await this.shipments.update(id, { status: 'cancelled' });
      return { ok: true };
    } catch (err) {
      if (err instanceof AxiosError) {
        throw new InternalServerErrorException('Carrier refused the cancellation'); // expect: no-500-for-upstream-failure 502
      }
      throw err;
    }
  }

  // positive no-502-for-internal-error (500): BadGatewayException for a repository (database) failure.
  @Get()
  async list() {
    try {
      return await this.shipments.find({ order: { createdAt: 'DESC' }, take: 100 });
    } catch (err) {
      throw new BadGatewayException('Could not list shipments'); // expect: no-502-for-internal-error 500
    }
  }

  // positive no-502-for-internal-error (500): GatewayTimeoutException for a slow database count.
  @Get('stats')
  async stats() {
    try {
      const pending = await this.shipments.count({ where: { status: 'pending' } });
      return { pending };
    } catch (err) {
      throw new GatewayTimeoutException('Stats query took too long'); // expect: no-502-for-internal-error 500
    }
  }

  // positive no-502-for-internal-error (500): HttpStatus.BAD_GATEWAY when the shipment is missing locally (no upstream call in the handler) — should be 404 really, but certainly not 502.
  @Get(':id')
  async findOne(@Param('id') id: string) {
    const shipment = await this.shipments.findOneBy({ id });
    if (!shipment) throw new NotFoundException();
    if (!shipment.labelUrl) {
      throw new HttpException('Label not generated yet', HttpStatus.BAD_GATEWAY); // expect: no-502-for-internal-error 500
    }
    return shipment;
  }

  // negative no-502-for-internal-error: PaymentsService is imported from another file; it may call a payment provider, so 502 cannot be judged wrong.
  @Post(':id/insure')
  async insure(@Param('id') id: string) {
    try {
      return await this.payments.chargeInsurance(id);
    } catch (err) {
      throw new BadGatewayException('Insurance charge failed');
    }
  }

  // negative no-502-for-internal-error: 502 after the HttpService call failed; negative no-500-for-upstream-failure.
  @Get(':id/proof-of-delivery')
  async proofOfDelivery(@Param('id') id: string) {
    try {
      const { data } = await firstValueFrom(this.http.get(`/v2/shipments/${id}/pod`));
      return data;
    } catch (err) {
      throw new BadGatewayException('Carrier proof of delivery unavailable');
    }
  }

  // negative no-500-for-upstream-failure: the carrier's 404 becomes NotFoundException and everything else is rethrown unchanged.
  @Get(':id/carrier')
  async carrierRecord(@Param('id') id: string) {
    try {
      const { data } = await firstValueFrom(this.http.get(`/v2/shipments/${id}`));
      return data;
    } catch (err) {
      if (err instanceof AxiosError && err.response?.status === 404) throw new NotFoundException();
      throw err;
    }
  }
}

@Module({
  imports: [
    HttpModule.register({ baseURL: process.env.CARRIER_API_URL, timeout: 5000, maxRedirects: 2 }),
    TypeOrmModule.forFeature([Shipment]),
  ],
  controllers: [ShipmentsController],
  providers: [CarrierClient, PaymentsService],
})
export class ShippingModule {}
