import { createRequire } from 'node:module';
import { ScanStatus } from 'wechaty';

// qrcode-terminal is CommonJS without types; this is the one call used.
const qrcodeTerminal = createRequire(import.meta.url)('qrcode-terminal') as {
  generate(text: string, opts: { small: boolean }, done: (art: string) => void): void;
};

/**
 * Shows the login QR code in the terminal. The code is printed here only, never turned into a
 * URL of an online QR renderer: whoever holds it can log in as the account.
 */
export function showScan(qrcode: string, status: ScanStatus, print: (line: string) => void): void {
  if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
    qrcodeTerminal.generate(qrcode, { small: true }, print);
    print('wechaty: scan this QR code with WeChat (Me > scan) to log the bot in');
  } else if (status === ScanStatus.Scanned) {
    print('wechaty: QR code scanned, confirm the login on the phone');
  }
}
