import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

test.beforeEach(async ({ page }) => openWithSample(page));

test('derive "hate" from label == 0 with a live count; it becomes an action and a target', async ({ page }) => {
  const form = page.getByTestId('derived-form');
  await form.getByLabel('Column', { exact: true }).selectOption('label');
  await form.getByLabel('Comparison', { exact: true }).selectOption('==');
  await form.getByLabel('Value', { exact: true }).fill('0');
  await expect(page.getByTestId('derived-preview')).toHaveText('8,083 positives of 41,828 rows (19.32%)');
  // Live count: moving to another column and threshold updates the preview at once.
  await form.getByLabel('Column', { exact: true }).selectOption('play_time_ms');
  await form.getByLabel('Comparison', { exact: true }).selectOption('>=');
  await form.getByLabel('Value', { exact: true }).fill('5000');
  await expect(page.getByTestId('derived-preview')).toContainText('positives of 41,828 rows');
  await form.getByLabel('Column', { exact: true }).selectOption('label');
  await form.getByLabel('Comparison', { exact: true }).selectOption('==');
  await form.getByLabel('Value', { exact: true }).fill('0');
  await form.getByLabel('Name', { exact: true }).fill('hate');
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByTestId('derived-list')).toContainText('hate = label = 0');
  await expect(page.getByTestId('actions-table').locator('tr[data-action="hate"]')).toContainText('19.32%');
  await expect(page.getByRole('checkbox', { name: /^hate/ })).toBeChecked();
  // A name that exists already is refused with a reason.
  await form.getByLabel('Name', { exact: true }).fill('label');
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(form.getByRole('alert')).toContainText('already exists');
});

test('changing a role moves the column into the model', async ({ page }) => {
  await expect(page.getByRole('checkbox', { name: /^hourmin/ })).toBeChecked();
  await page.getByLabel('Role of hourmin').selectOption('numeric');
  await expect(page.locator('tr[data-column="hourmin"]')).toContainText('set by you (detected: categorical)');
  await expect(page.getByTestId('feature-list').getByRole('row', { name: /hourmin/ })).toContainText('standardised');
  await page.getByTestId('feature-list').getByRole('row', { name: /hourmin/ }).getByRole('checkbox', { name: /log1p/ }).check();
  await page.getByLabel('Role of play_time_ms').selectOption('numeric');
  await expect(page.getByRole('checkbox', { name: /^play_time_ms/ })).toBeChecked();
});

test('the action profile shows who never acts, and the split can be made by time', async ({ page }) => {
  await page.getByText('Action profile: volume, users who never act, co-occurrence').click();
  await expect(page.getByTestId('action-stats').locator('tr[data-action="is_follow"]')).toContainText('81.5%') // 541 of 664 users never follow (counted with awk);
  await expect(page.getByTestId('volume-signal-chart').locator('.recharts-scatter-symbol').first()).toBeAttached();
  await expect(page.getByTestId('split-warning')).toContainText('random split');
  await page.getByLabel('Validation split').selectOption('time');
  await expect(page.getByLabel('Time column')).toHaveValue('date');
  await expect(page.getByTestId('split-warning')).toHaveCount(0);
});

test('join the KuaiRand user features onto the log', async ({ page }) => {
  await page.getByText('Join another table (e.g. user features)').click();
  await page.getByRole('button', { name: 'Use the KuaiRand user features' }).click();
  await expect(page.getByLabel('Key in the log')).toHaveValue('user_id');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByTestId('join-report')).toContainText('41,828 of 41,828 rows matched; 0 keys without a match');
  await expect(page.getByTestId('data-summary')).toContainText('46 columns');
  // 0/1 user attributes are not actions.
  await expect(page.getByTestId('actions-table').locator('tr[data-action="is_live_streamer"]')).toHaveCount(0);
  await expect(page.getByTestId('feature-list').getByRole('row', { name: /user_active_degree/ }).getByRole('checkbox')).toBeChecked();
});

test('sampling presets, positive weights and the per-user cap update the before/after counts', async ({ page }) => {
  await page.getByTestId('keep-rate-is_follow').getByRole('button', { name: 'is_follow: 1:10' }).click();
  // is_follow: 0.727% positives → 1:10 keeps 10 × 0.00727/0.99273 ≈ 7.3% of negatives
  await expect(page.getByTestId('keep-rate-is_follow')).toContainText('keep 7.3% of negatives');
  const row = page.getByTestId('sampling-summary').locator('tr[data-task="is_follow"]');
  // seeded: 244 positives and 2,351 of 33,131 negatives kept → 244 / 2,595 = 9.4%
  await expect(row).toContainText('9.4%');
  await page.getByLabel('positive weight (upsampling) for is_follow').fill('2');
  await expect(row).toContainText('17.2%'); // 2·244 / (2·244 + 2,351)
  await page.getByRole('checkbox', { name: /cap training impressions per user/ }).check();
  await expect(page.getByTestId('sampling-summary')).toContainText('dropped by the per-user cap');
});
