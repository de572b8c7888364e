// Accuracy corpus (held-out): nestjs — import service validating CSV rows and env config. Labels: see test/corpus/README.md.
import { Injectable, InternalServerErrorException, UnprocessableEntityException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Joi from 'joi';
import { parse } from 'csv-parse/sync';
import { PrismaService } from '../prisma/prisma.service';

const rowSchema = Joi.object({
  sku: Joi.string().pattern(/^[A-Z0-9-]+$/).required(),
  price: Joi.number().positive().precision(2).required(),
  stock: Joi.number().integer().min(0).required(),
});

const envSchema = Joi.object({ IMPORT_BATCH_SIZE: Joi.number().integer().min(1).required() }).unknown(true);

@Injectable()
export class CatalogImportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: ConfigService,
  ) {}

  // positive: joi validate().error on an uploaded row answered with a 500 exception
  async importCsv(upload: Buffer) {
    const rows: Record<string, string>[] = parse(upload, { columns: true, skip_empty_lines: true });
    for (const [index, row] of rows.entries()) {
      const { error } = rowSchema.validate(row, { convert: true });
      if (error) {
        throw new InternalServerErrorException(`Row ${index + 2} is invalid`); // expect: no-500-for-validation 400
      }
    }
    await this.prisma.product.createMany({ data: rows.map((r) => ({ sku: r.sku, price: Number(r.price), stock: Number(r.stock) })) });
    return { imported: rows.length };
  }

  // negative: joi validates environment configuration; a failure is a server problem, 500 is right
  batchSize(): number {
    const { error, value } = envSchema.validate(process.env);
    if (error) {
      throw new InternalServerErrorException('Import is misconfigured');
    }
    return value.IMPORT_BATCH_SIZE;
  }

  // negative: joi row failure answered with 422
  async importOne(row: unknown) {
    const { error, value } = rowSchema.validate(row);
    if (error) throw new UnprocessableEntityException(error.details.map((d) => d.message));
    return this.prisma.product.create({ data: value });
  }
}
