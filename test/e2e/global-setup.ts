import type { TestProject } from 'vitest/node';
import { ADMIN_PASSWORD, buildConsoleIfStale, DEMO_PASSWORD, startServer, type RunningServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
    adminPassword: string;
  }
}

let server: RunningServer | null = null;

export async function setup(project: TestProject) {
  buildConsoleIfStale();
  server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('demoPassword', DEMO_PASSWORD);
  project.provide('adminPassword', ADMIN_PASSWORD);
}

export async function teardown() {
  await server?.stop();
}
