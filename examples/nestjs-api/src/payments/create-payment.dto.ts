import { IsEmail, IsIn, IsInt, IsPositive, IsString, Length } from 'class-validator';

export class CreatePaymentDto {
  @IsInt()
  @IsPositive()
  amountCents!: number;

  @IsString()
  @IsIn(['usd', 'eur', 'gbp'])
  currency!: string;

  @IsEmail()
  customerEmail!: string;

  @IsString()
  @Length(1, 140)
  description!: string;
}
