import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox add-on id: fixed so storage and the e2e harness can address the extension.
export const GECKO_ID = 'zhibiao@zhibiao.app';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Zhibiao 指标',
    description: 'Finds every numeric indicator on Chinese government pages, highlights it, clips it in one click and exports CSV.',
    // storage: per-site settings; downloads is not needed (export uses an <a download> in the popup).
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
