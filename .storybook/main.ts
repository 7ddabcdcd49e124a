import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/guides/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-themes'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(config, { configType }) {
    const { mergeConfig } = await import('vite');
    // nanostores reads process.env.NODE_ENV unguarded.
    const nodeEnv = configType === 'PRODUCTION' ? 'production' : 'development';
    return mergeConfig(config, {
      define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
      // One Lit: Storybook's web-components renderer imports lit/directive-helpers.js, which Vite would
      // otherwise serve unbundled next to the pre-bundled lit, loading lit-html twice ("Multiple versions").
      optimizeDeps: { include: ['lit', 'lit/directive-helpers.js', 'lit-html', 'lit-html/directive-helpers.js', '@lit/reactive-element', 'lit-element/lit-element.js'] },
      resolve: { dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'] },
    });
  },
};

export default config;
