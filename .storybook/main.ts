import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-themes'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(config, { configType }) {
    const { mergeConfig } = await import('vite');
    // nanostores reads process.env.NODE_ENV unguarded.
    const nodeEnv = configType === 'PRODUCTION' ? 'production' : 'development';
    return mergeConfig(config, { define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) } });
  },
};

export default config;
