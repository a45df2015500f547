// What a browser bundle of an app (bundled by esbuild for the browser) reaches: WebCrypto signing.
export { signHeaders, tranToken } from '@konaplate-contract/client';
