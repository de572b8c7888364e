import type { BookingInput } from './schemas';

export interface Booking extends BookingInput {
  id: string;
  createdAt: string;
}

const bookingsTable: Booking[] = [];

export async function insertBooking(input: BookingInput): Promise<Booking> {
  const row = { ...input, id: crypto.randomUUID(), createdAt: new Date().toISOString() };
  bookingsTable.push(row);
  return row;
}

export async function isRoomAvailable(roomId: string, checkIn: string): Promise<boolean> {
  return !bookingsTable.some((b) => b.roomId === roomId && b.checkIn === checkIn);
}
