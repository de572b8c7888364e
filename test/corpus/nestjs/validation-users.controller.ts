// Accuracy corpus: NestJS — controller/service validation answered with 5xx (class-validator, zod, joi). Labels: see test/corpus/README.md.
import {
  BadGatewayException,
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpException,
  HttpStatus,
  Injectable,
  InternalServerErrorException,
  Logger,
  Param,
  Post,
  Put,
  Query,
  UnprocessableEntityException,
  ValidationPipe,
} from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { plainToInstance } from 'class-transformer';
import { IsEmail, IsInt, IsString, Max, Min, validate, validateOrReject, ValidationError } from 'class-validator';
import { z, ZodError } from 'zod';
import Joi from 'joi';
import { UsersRepository } from './users.repository';

class CreateUserDto {
  @IsEmail()
  email!: string;

  @IsString()
  name!: string;

  @IsInt()
  @Min(13)
  @Max(130)
  age!: number;
}

const PreferencesSchema = z.object({
  locale: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/),
  marketingEmails: z.boolean(),
});

const SearchSchema = Joi.object({ q: Joi.string().min(2).required(), limit: Joi.number().max(50) });

// positive: ValidationPipe configured to turn every validation failure into a 500
export const usersValidationPipe = new ValidationPipe({
  whitelist: true,
  exceptionFactory: (errors: ValidationError[]) =>
    new InternalServerErrorException({ message: 'Validation failed', count: errors.length }), // expect: no-500-for-validation 400
});

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly repo: UsersRepository,
    private readonly http: HttpService,
  ) {}

  async create(body: unknown) {
    const dto = plainToInstance(CreateUserDto, body);
    const errors = await validate(dto);
    // positive: class-validator errors -> InternalServerErrorException in a service
    if (errors.length) {
      throw new InternalServerErrorException('Could not create user'); // expect: no-500-for-validation 400
    }
    return this.repo.insert(dto);
  }

  async updatePreferences(userId: string, body: unknown) {
    const parsed = PreferencesSchema.safeParse(body);
    // negative: zod failure -> BadRequestException
    if (!parsed.success) {
      throw new BadRequestException(parsed.error.flatten());
    }
    // negative: db write failure -> InternalServerErrorException
    try {
      return await this.repo.updatePreferences(userId, parsed.data);
    } catch (err) {
      this.logger.error(`preferences update failed for ${userId}`, err as Error);
      throw new InternalServerErrorException('Could not save preferences');
    }
  }

  async fetchAvatar(userId: string) {
    const user = await this.repo.findById(userId);
    // negative: user row referenced by a valid session is gone -> data inconsistency, 500
    if (!user) {
      throw new InternalServerErrorException('User record missing for active session');
    }
    // negative: avatar CDN returned an unexpected payload -> BadGatewayException
    const { data } = await firstValueFrom(
      this.http.get(`https://avatars.example.com/v1/users/${user.id}`, { timeout: 3000 }),
    );
    const avatar = z.object({ url: z.string().url() }).safeParse(data);
    if (!avatar.success) {
      throw new BadGatewayException('Avatar service returned an invalid response');
    }
    return avatar.data;
  }
}

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  create(@Body() body: unknown) {
    return this.users.create(body);
  }

  // positive: validateOrReject in a try with only validation -> HttpException(..., HttpStatus.INTERNAL_SERVER_ERROR)
  @Put(':id')
  async replace(@Param('id') id: string, @Body() body: unknown) {
    const dto = plainToInstance(CreateUserDto, body);
    try {
      await validateOrReject(dto);
    } catch (errors) {
      throw new HttpException('Invalid user', HttpStatus.INTERNAL_SERVER_ERROR); // expect: no-500-for-validation 400
    }
    return { id, ...dto };
  }

  // positive: catch singles out ZodError -> InternalServerErrorException
  @Put(':id/preferences')
  async preferences(@Param('id') id: string, @Body() body: unknown) {
    try {
      const prefs = PreferencesSchema.parse(body);
      return await this.users.updatePreferences(id, prefs);
    } catch (err) {
      if (err instanceof ZodError) {
        throw new InternalServerErrorException('Preferences rejected'); // expect: no-500-for-validation 400
      }
      throw err;
    }
  }

  // positive: joi validate().error on query -> HttpException with literal 500
  @Get()
  async search(@Query() query: Record<string, string>) {
    const { error } = SearchSchema.validate(query);
    if (error) {
      throw new HttpException({ message: 'Search failed' }, 500); // expect: no-500-for-validation 400
    }
    return [];
  }

  // negative: class-validator errors -> UnprocessableEntityException
  @Post('import')
  async import(@Body() body: unknown[]) {
    const dtos = plainToInstance(CreateUserDto, body);
    const results = await Promise.all(dtos.map((dto) => validate(dto)));
    if (results.some((errors) => errors.length > 0)) {
      throw new UnprocessableEntityException('Some rows are invalid');
    }
    return Promise.all(dtos.map((dto) => this.users.create(dto)));
  }

  // negative: mixed try (validation + db) without singling out validation -> 500
  @Post(':id/email')
  async changeEmail(@Param('id') id: string, @Body() body: unknown) {
    try {
      const dto = plainToInstance(CreateUserDto, body);
      await validateOrReject(dto, { skipMissingProperties: true });
      return await this.users.updatePreferences(id, { email: dto.email });
    } catch {
      throw new HttpException('Email change failed', HttpStatus.INTERNAL_SERVER_ERROR);
    }
  }

  @Get(':id/avatar')
  avatar(@Param('id') id: string) {
    return this.users.fetchAvatar(id);
  }
}
