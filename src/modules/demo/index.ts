// The demo city: the server seeds a new, empty database with it (SEED_DEMO), the tests with the same data.
export { seedDemoCity, type DemoAccount } from './seed-demo-city';
