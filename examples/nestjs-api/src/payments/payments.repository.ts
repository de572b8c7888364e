import { Injectable } from '@nestjs/common';

export interface PaymentRecord {
  id: string;
  providerId: string | null;
  amountCents: number;
  currency: string;
  status: 'created' | 'captured' | 'failed';
}

@Injectable()
export class PaymentsRepository {
  private readonly rows = new Map<string, PaymentRecord>();

  async create(amountCents: number, currency: string): Promise<PaymentRecord> {
    const row: PaymentRecord = { id: crypto.randomUUID(), providerId: null, amountCents, currency, status: 'created' };
    this.rows.set(row.id, row);
    return row;
  }

  async findById(id: string): Promise<PaymentRecord | undefined> {
    return this.rows.get(id);
  }

  async attachProvider(id: string, providerId: string, status: PaymentRecord['status']): Promise<void> {
    const row = this.rows.get(id);
    if (row) Object.assign(row, { providerId, status });
  }
}
