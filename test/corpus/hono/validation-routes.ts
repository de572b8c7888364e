// Accuracy corpus: Hono — validation failures answered with 5xx (valibot, zod, ajv, manual checks). Labels: see test/corpus/README.md.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';
import { z, ZodError } from 'zod';
import Ajv from 'ajv';
import { sessions, devices } from '../lib/store';

const app = new Hono();
const ajv = new Ajv();

const DeviceSchema = v.object({
  serial: v.pipe(v.string(), v.length(12)),
  model: v.picklist(['t1', 't2', 'pro']),
});

const TelemetrySchema = z.object({
  deviceId: z.string(),
  readings: z.array(z.object({ at: z.number(), celsius: z.number() })).max(500),
});

const validateFirmwareReq = ajv.compile({
  type: 'object',
  required: ['version'],
  properties: { version: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' } },
});

// positive: valibot safeParse failed -> c.json(..., 500)
app.post('/devices', async (c) => {
  const result = v.safeParse(DeviceSchema, await c.req.json());
  if (!result.success) {
    return c.json({ error: 'Device registration failed' }, 500); // expect: no-500-for-validation 400
  }
  const device = await devices.register(result.output);
  return c.json(device, 201);
});

// positive: valibot v.parse in a try with only validation -> HTTPException(500)
app.put('/devices/:serial', async (c) => {
  let input: v.InferOutput<typeof DeviceSchema>;
  try {
    input = v.parse(DeviceSchema, await c.req.json());
  } catch {
    throw new HTTPException(500, { message: 'Device update failed' }); // expect: no-500-for-validation 400
  }
  return c.json(await devices.update(c.req.param('serial'), input));
});

// positive: catch singles out ZodError -> c.text(..., 500)
app.post('/telemetry', async (c) => {
  try {
    const batch = TelemetrySchema.parse(await c.req.json());
    await devices.appendTelemetry(batch.deviceId, batch.readings);
    return c.body(null, 204);
  } catch (err) {
    if (err instanceof ZodError) {
      return c.text('Telemetry rejected', 500); // expect: no-500-for-validation 400
    }
    throw err;
  }
});

// positive: ajv validator false -> c.status(500)
app.post('/devices/:serial/firmware', async (c) => {
  const body = await c.req.json();
  if (!validateFirmwareReq(body)) {
    c.status(500); // expect: no-500-for-validation 400
    return c.json({ error: 'Firmware update could not be scheduled' });
  }
  await devices.scheduleFirmware(c.req.param('serial'), body.version as string);
  return c.json({ scheduled: true }, 202);
});

// positive: `== null` check on a query parameter -> c.json(..., 500)
app.get('/sessions', async (c) => {
  const userId = c.req.query('userId');
  if (userId == null) {
    return c.json({ error: 'Could not list sessions' }, 500); // expect: no-500-for-validation 400
  }
  return c.json(await sessions.listForUser(userId));
});

// negative: valibot failure -> 422
app.patch('/devices/:serial', async (c) => {
  const result = v.safeParse(v.partial(DeviceSchema), await c.req.json());
  if (!result.success) {
    return c.json({ error: 'Invalid device patch', issues: v.flatten(result.issues).nested }, 422);
  }
  return c.json(await devices.update(c.req.param('serial'), result.output));
});

// negative: upstream (vendor cloud) response fails zod -> 502
app.get('/devices/:serial/warranty', async (c) => {
  const res = await fetch(`https://warranty.vendor.example.com/v2/units/${c.req.param('serial')}`, {
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) return c.json({ error: 'Warranty service error' }, 502);
  const parsed = z.object({ expiresAt: z.string().datetime() }).safeParse(await res.json());
  if (!parsed.success) {
    return c.json({ error: 'Warranty service returned an invalid response' }, 502);
  }
  return c.json(parsed.data);
});

// negative: try mixes zod parse with db writes, catch does not single out validation
app.post('/sessions', async (c) => {
  try {
    const { deviceId } = z.object({ deviceId: z.string().min(1) }).parse(await c.req.json());
    const session = await sessions.open(deviceId);
    await devices.touch(deviceId);
    return c.json(session, 201);
  } catch (err) {
    console.error('session open failed', err);
    return c.json({ error: 'Could not open session' }, 500);
  }
});

// negative: zod failure mapped to 400 via HTTPException
app.delete('/sessions/:id', async (c) => {
  const id = c.req.param('id');
  if (!z.string().uuid().safeParse(id).success) {
    throw new HTTPException(400, { message: 'Invalid session id' });
  }
  await sessions.close(id);
  return c.body(null, 204);
});

// negative: onError forwards HTTPException statuses; 500 only for unknown errors
app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.error(err);
  return c.json({ error: 'Internal Server Error' }, 500);
});

export default app;
