import {
  Body,
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreatePaymentDto } from './create-payment.dto';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';

@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly repo: PaymentsRepository,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(@Body() body: unknown) {
    const dto = plainToInstance(CreatePaymentDto, body);
    const errors = await validate(dto);
    if (errors.length > 0) {
      throw new HttpException({ message: 'Invalid payment', errors }, HttpStatus.INTERNAL_SERVER_ERROR);
    }
    return this.payments.create(dto);
  }

  @Post(':id/refund')
  @HttpCode(HttpStatus.ACCEPTED)
  async refund(@Param('id', new ParseUUIDPipe()) id: string) {
    const record = await this.repo.findById(id);
    if (!record) throw new NotFoundException(`payment ${id} not found`);
    await this.payments.refund(id);
    return { status: 'refund_requested' };
  }
}
