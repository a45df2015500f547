// What a browser bundle of an app (bundled by esbuild for the browser) reaches: WebCrypto signing, from the tools.
export { signHeaders, tranToken } from '@konaplate-contract/client/tools';
