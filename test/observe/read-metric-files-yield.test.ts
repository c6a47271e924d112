// A capture read in place is read with synchronous reads: with a signal (the check's, which bad
// intents abort), the read gives the event loop a turn between files, or the intents stage
// could not run, let alone stop it, before the whole capture was read.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { EventLoopTurns, YIELD_EVERY_MS } from '../../src/observe/event-loop-turns.ts';
import { metricFilesOf } from '../../src/observe/metric-files.ts';
import { ObservedMapBuilder } from '../../src/observe/observed-map.ts';
import { SeriesReader } from '../../src/observe/prometheus-text.ts';
import { fileReading, readMetricFiles, readMetricsFile } from '../../src/observe/read-metrics.ts';

const fixtures = path.join(import.meta.dirname, '..', '..', 'fixtures');
const files = metricFilesOf(['demo/capture'], fixtures);

describe('turns of the event loop in a read of many files', () => {
  test('with a signal, work queued on the event loop runs during the read and can stop it', async () => {
    assert.ok(files.length >= 3, 'the demo capture holds a file per pod');
    const stop = new AbortController();
    const reading = fileReading();
    setImmediate(() => stop.abort());
    await assert.rejects(readMetricFiles(files, reading, stop.signal, 0), { name: 'AbortError' });
    assert.ok(
      reading.builder.sources < files.length,
      `read ${reading.builder.sources} of ${files.length} files`,
    );
  });

  test('turns come between the chunks of one file too, and the abort is passed on as it is', async () => {
    const builder = new ObservedMapBuilder();
    // A small buffer: the demo's file in many chunks, as a large capture's file is.
    const reading = { builder, buffer: Buffer.alloc(256), series: new SeriesReader(builder) };
    const file = files[0]!;
    const stop = new AbortController();
    const reason = new Error('the intents failed');
    setImmediate(() => stop.abort(reason));
    const read = readMetricsFile(file.absolute, reading, file.file, new EventLoopTurns(stop.signal, 0));
    await assert.rejects(read, (err) => err === reason);
    // Read whole without turns, the same file holds samples the stopped read never got to.
    const whole = fileReading();
    const samples = await readMetricsFile(file.absolute, whole, file.file);
    assert.ok(samples > 0);
    assert.ok(whole.builder.build().calls.length > builder.build().calls.length);
  });

  test('a read error is still a read error with turns', async () => {
    const stop = new AbortController();
    const missing = { absolute: path.join(fixtures, 'no-such.prom'), file: 'no-such.prom', size: 0 };
    await assert.rejects(readMetricFiles([missing], fileReading(), stop.signal, 0), InputError);
  });

  test('a turn is given only when the read has gone on for a while', async () => {
    const stop = new AbortController();
    let ran = false;
    setImmediate(() => {
      ran = true;
      stop.abort();
    });
    // The demo's three small files take far less than an hour: no turn, all read.
    const builder = await readMetricFiles(files, fileReading(), stop.signal, 3_600_000);
    assert.equal(builder.sources, files.length);
    assert.equal(ran, false);
    assert.ok(YIELD_EVERY_MS > 0 && YIELD_EVERY_MS <= 100, `${YIELD_EVERY_MS} ms between turns`);
  });

  test('by default a turn comes after YIELD_EVERY_MS of reading', async (t) => {
    // A clock on which a second passes at each look: every file starts past the interval.
    let now = 0;
    t.mock.method(performance, 'now', () => {
      now += 1000;
      return now;
    });
    const stop = new AbortController();
    const reading = fileReading();
    setImmediate(() => stop.abort());
    await assert.rejects(readMetricFiles(files, reading, stop.signal), { name: 'AbortError' });
    assert.ok(reading.builder.sources < files.length);
  });

  test('without a signal nothing can stop the read, and no turn is given', async () => {
    let ran = false;
    setImmediate(() => {
      ran = true;
    });
    const builder = await readMetricFiles(files, fileReading(), undefined, 0);
    assert.equal(builder.sources, files.length);
    assert.equal(ran, false);
  });
});
