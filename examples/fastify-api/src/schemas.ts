import Joi from 'joi';

export const forecastQuerySchema = Joi.object({
  lat: Joi.number().min(-90).max(90).required(),
  lon: Joi.number().min(-180).max(180).required(),
  days: Joi.number().integer().min(1).max(14).default(3),
});

export const subscriptionSchema = Joi.object({
  email: Joi.string().email().required(),
  city: Joi.string().min(2).max(80).required(),
  frequency: Joi.string().valid('daily', 'weekly').default('daily'),
});
