// No error, its string, JSON or inspection, and no debug line ever holds a
// card number, CVC, expiry, secret, access key, private key or tran token.
import { inspect } from 'node:util';
import { exportPKCS8, generateKeyPair } from 'jose';
import { expect, it } from 'vitest';
import { createKonaplateClient, type KonaplateClientError, redact } from '../src/index.ts';
import { baseConfig, clientWith, examples, ok, platformError, recorder, SECRET } from './recorder.ts';

const CARD = '9491230000000017';
const CVC = '987';
const EXPIRY = '3108';

it('never leaks a secret or cardholder data, in any error or log line', async () => {
  const lines: string[] = [];
  const debug = (line: string) => lines.push(line);
  const errors: KonaplateClientError[] = [];
  const collect = (result: { error?: KonaplateClientError }) => result.error && errors.push(result.error);
  const body = { cardNo: CARD, expiryDate: EXPIRY, cardCVC: CVC };
  const tokens: string[] = [];
  const track = (reply: Response) => (sent: { headers: Record<string, string> }) => {
    tokens.push(sent.headers['x-km-tran-token'] ?? '');
    return reply;
  };

  collect(
    await clientWith(recorder(track(platformError('003_029', 'Card not found'))).fetch, {
      debug,
    }).inquireUnregisteredCard(body),
  );
  collect(await clientWith(recorder(ok({})).fetch, { debug }).inquireUnregisteredCard({ ...body, cardCVC: '98x' }));
  collect(
    await clientWith(recorder(track(new Response('oops', { status: 502 }))).fetch, { debug }).inquireUnregisteredCard(
      body,
    ),
  );
  collect(await clientWith(recorder(new TypeError('fetch failed')).fetch, { debug }).inquireUnregisteredCard(body));
  // A conforming success (the spec's own example) with the card number in it: its debug line is masked.
  const success = structuredClone(examples.UnregisteredCardSuccess?.value) as {
    cardDataInfo: Record<string, unknown>;
  };
  success.cardDataInfo.physicalCardNo = CARD;
  const logged = await clientWith(recorder(track(ok(success))).fetch, { debug }).inquireUnregisteredCard(body);
  expect(logged.error).toBeUndefined();
  // A success that breaks the contract (a 17-digit card number, refused when strict): the error names the
  // field, not the value.
  success.cardDataInfo.physicalCardNo = `${CARD}1`;
  collect(
    await clientWith(recorder(track(ok(success))).fetch, { debug, validateResponse: 'strict' }).inquireUnregisteredCard(
      body,
    ),
  );
  const { privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
  const pem = await exportPKCS8(privateKey);
  try {
    createKonaplateClient({
      ...baseConfig,
      accessKey: SECRET,
      encryption: { keyId: 'k'.repeat(32), serverPublicKey: pem, clientPrivateKey: pem },
    });
  } catch (error) {
    errors.push(error as KonaplateClientError);
  }

  expect(errors.map((e) => e.kind).sort()).toEqual([
    'config',
    'contract',
    'platform',
    'transport',
    'transport',
    'validation',
  ]);
  const everything = [
    ...errors.flatMap((e) => [String(e), e.message, JSON.stringify(e), inspect(e), inspect({ e }), e.stack ?? '']),
    ...lines,
  ].join('\n');
  for (const secret of [
    CARD,
    CVC,
    EXPIRY,
    SECRET,
    baseConfig.accessKey,
    pem.slice(40, 80),
    success.cardDataInfo.par as string,
    ...tokens,
  ]) {
    expect(everything).not.toContain(secret);
  }
  expect(lines.join('\n')).toContain('************0017');
  expect(lines.find((l) => l.startsWith('← inquireUnregisteredCard 200'))).toContain(
    '"physicalCardNo":"************0017"',
  );
  expect(errors.find((e) => e.kind === 'contract')).toMatchObject({
    field: 'cardDataInfo.physicalCardNo',
    rule: 'maxLength',
  });
  expect(lines.length).toBeGreaterThanOrEqual(8);
});

it('masks by the spec: last four of card and account numbers, nothing of CVC, expiry or PAR', () => {
  expect(
    redact({
      cardNo: CARD,
      cardCVC: CVC,
      expiryDate: EXPIRY,
      nested: [{ accountNo: '56201234567890', par: 'Q1X', bankCode: '088' }],
    }),
  ).toEqual({
    cardNo: '************0017',
    cardCVC: '[redacted]',
    expiryDate: '[redacted]',
    nested: [{ accountNo: '**********7890', par: '[redacted]', bankCode: '088' }],
  });
});
