/**
 * The frames of Feishu's long connection (protobuf pbbp2.Frame, as the SDK declares it), encoded
 * and decoded by hand for the loopback stand-in: the SDK keeps its codec to itself.
 *
 *   Frame  { uint64 SeqID = 1; uint64 LogID = 2; int32 service = 3; int32 method = 4;
 *            repeated Header headers = 5; string payloadEncoding = 6; string payloadType = 7;
 *            bytes payload = 8; string LogIDNew = 9; }
 *   Header { string key = 1; string value = 2; }
 */

export interface WsFrame {
  seqId: number;
  logId: number;
  service: number;
  /** 0 control (ping, pong), 1 data (events and the client's answers to them). */
  method: number;
  headers: Record<string, string>;
  payload: Buffer;
}

const VARINT = 0;
const BYTES = 2;

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return Buffer.from(out);
}

const key = (field: number, wire: number) => varint(field * 8 + wire);
const bytesField = (field: number, value: Buffer) => Buffer.concat([key(field, BYTES), varint(value.length), value]);
const varintField = (field: number, value: number) => Buffer.concat([key(field, VARINT), varint(value)]);

export function encodeFrame(f: WsFrame): Buffer {
  const headers = Object.entries(f.headers).map(([k, v]) => bytesField(5, Buffer.concat([bytesField(1, Buffer.from(k)), bytesField(2, Buffer.from(v))])));
  return Buffer.concat([
    varintField(1, f.seqId),
    varintField(2, f.logId),
    varintField(3, f.service),
    varintField(4, f.method),
    ...headers,
    bytesField(8, f.payload),
  ]);
}

/** Each field of a message as [number, value]: a number for varints, the bytes for the rest. */
function* fields(buf: Buffer): Generator<[number, number | Buffer]> {
  let at = 0;
  const readVarint = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = buf[at++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  };
  while (at < buf.length) {
    const k = readVarint();
    if (k % 8 === VARINT) yield [Math.floor(k / 8), readVarint()];
    else if (k % 8 === BYTES) {
      const len = readVarint();
      yield [Math.floor(k / 8), buf.subarray(at, (at += len))];
    } else throw new Error(`ws frame: wire type ${k % 8} not expected`);
  }
}

export function decodeFrame(buf: Buffer): WsFrame {
  const f: WsFrame = { seqId: 0, logId: 0, service: 0, method: 0, headers: {}, payload: Buffer.alloc(0) };
  for (const [field, value] of fields(buf)) {
    if (field === 1) f.seqId = value as number;
    else if (field === 2) f.logId = value as number;
    else if (field === 3) f.service = value as number;
    else if (field === 4) f.method = value as number;
    else if (field === 5) {
      const header: string[] = [];
      for (const [n, v] of fields(value as Buffer)) header[n] = (v as Buffer).toString('utf8');
      f.headers[header[1]] = header[2];
    } else if (field === 8) f.payload = value as Buffer;
  }
  return f;
}
