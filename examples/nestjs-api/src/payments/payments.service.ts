import { HttpService } from '@nestjs/axios';
import { BadGatewayException, ConflictException, Injectable, InternalServerErrorException, Logger } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { CreatePaymentDto } from './create-payment.dto';
import { PaymentRecord, PaymentsRepository } from './payments.repository';

interface ProviderCharge {
  id: string;
  status: 'succeeded' | 'failed';
}

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  private readonly baseUrl = process.env.PAYMENTS_URL ?? 'https://api.payments.example.com';

  constructor(
    private readonly http: HttpService,
    private readonly repo: PaymentsRepository,
  ) {}

  async create(dto: CreatePaymentDto): Promise<PaymentRecord> {
    const record = await this.repo.create(dto.amountCents, dto.currency);

    let charge: ProviderCharge;
    try {
      const { data } = await firstValueFrom(
        this.http.post<ProviderCharge>(`${this.baseUrl}/v1/charges`, {
          amount: dto.amountCents,
          currency: dto.currency,
          receipt_email: dto.customerEmail,
          description: dto.description,
        }),
      );
      charge = data;
    } catch (err) {
      this.logger.error(`charge for payment ${record.id} failed`, err as Error);
      throw new InternalServerErrorException('Payment could not be processed');
    }

    await this.repo.attachProvider(record.id, charge.id, charge.status === 'succeeded' ? 'captured' : 'failed');
    return { ...record, providerId: charge.id };
  }

  async refund(id: string): Promise<void> {
    const record = await this.repo.findById(id);
    if (!record?.providerId) {
      throw new ConflictException(`payment ${id} was never charged`);
    }
    try {
      await firstValueFrom(
        this.http.post(`${this.baseUrl}/v1/refunds`, { charge: record.providerId }, { timeout: 5000 }),
      );
    } catch (err) {
      this.logger.error(`refund for ${id} failed`, err as Error);
      throw new BadGatewayException('Payment provider unavailable');
    }
  }
}
