#!/usr/bin/env node
// Verifies a DealerDesk webhook delivery (docs/webhooks.md), with Node's standard library only.
//
// As a library:
//   import { verifyWebhook } from './verify-webhook.mjs';
//   verifyWebhook({ secret, signatureHeader: req.headers['dealerdesk-signature'], body: rawBodyText });
//   // throws an Error saying why when the delivery is not authentic or too old
//
// From the command line (the raw body on standard input, exactly as received):
//   node verify-webhook.mjs --secret whsec_... --signature 't=1767225600,v1=5f0c...' < body.json
//   exits 0 and prints "valid", or exits 1 and prints the reason.
//   --tolerance <seconds> (default 300) and --now <unix seconds> (default: the clock) are optional.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { pathToFileURL } from 'node:url';

/**
 * Checks that the body was signed with the secret less than `toleranceSeconds` ago.
 * Hash the raw body text as it arrived: a JSON parse and re-serialisation changes the bytes.
 */
export function verifyWebhook({ secret, signatureHeader, body, toleranceSeconds = 300, now = Date.now() / 1000 }) {
  if (!signatureHeader) {
    throw new Error('no DealerDesk-Signature header');
  }
  let timestamp = null;
  const signatures = [];
  for (const part of signatureHeader.split(',')) {
    const [key, value] = part.split('=', 2);
    if (key === 't') {
      timestamp = value;
    } else if (key === 'v1' && value) {
      signatures.push(value);
    }
  }
  if (timestamp === null || !/^\d+$/.test(timestamp) || signatures.length === 0) {
    throw new Error('malformed DealerDesk-Signature header');
  }
  if (Math.abs(now - Number(timestamp)) > toleranceSeconds) {
    throw new Error(`timestamp ${timestamp} is outside the tolerance of ${toleranceSeconds} seconds`);
  }
  const expected = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${timestamp}.${body}`, 'utf8')
    .digest();
  // several v1 values during a secret rotation: any one made with our secret will do
  const matches = signatures.some((hex) => {
    const given = Buffer.from(hex, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) {
    throw new Error('no signature matches the secret');
  }
  return { timestamp: Number(timestamp) };
}

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  try {
    verifyWebhook({
      secret: option('secret', process.env.DEALERDESK_WEBHOOK_SECRET),
      signatureHeader: option('signature'),
      body: Buffer.concat(chunks).toString('utf8'),
      toleranceSeconds: Number(option('tolerance', '300')),
      now: Number(option('now', String(Date.now() / 1000))),
    });
    console.log('valid');
  } catch (error) {
    console.log(`invalid: ${error.message}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
