using System.Globalization;

namespace Vigil.AutoML.Native;

/// <summary>
/// LightGBM datasets for search trials, binned once and reused. ML.NET's LightGBM trainer converts and bins its input
/// in every fit (≈ 80 ms per trial on 32 000 × 6 rows, most of a small trial's cost); here the training rows are binned
/// once per bin count, and each fold's training sample and validation rows are subsets of that (same bin boundaries,
/// so a validation subset can be attached to a booster trained on a training subset).
/// Bin boundaries come from the features of all training rows, validation rows included: features only, never labels.
/// </summary>
internal sealed class DatasetCache : IDisposable
{
    /// <summary>Binned datasets kept at most (bytes, estimated); the least recently used go first.</summary>
    private const long MaxBytes = 1L << 30;

    private readonly object _gate = new();
    private readonly float[][] _rows;
    private readonly float[] _labels;
    private readonly int _width;
    private readonly int _threads;
    private readonly int _seed;
    private readonly Dictionary<(int MaxBin, int Fold, int Size, bool Valid), Entry> _subsets = [];
    private readonly Dictionary<int, Entry> _full = [];
    private long _clock;
    private bool _disposed;

    /// <param name="rows">Feature rows (NaN = missing).</param>
    /// <param name="labels">Per-row label as LightGBM reads it: 0/1, class index or target.</param>
    public DatasetCache(float[][] rows, float[] labels, int width, int threads, int seed)
    {
        _rows = rows;
        _labels = labels;
        _width = width;
        _threads = threads;
        _seed = seed;
    }

    /// <summary>
    /// The dataset of <paramref name="rows"/> (a fold's training sample or validation rows, identified by
    /// <paramref name="fold"/>, <paramref name="valid"/> and the row count) binned into at most <paramref name="maxBin"/> bins.
    /// The caller owns one reference (<see cref="System.Runtime.InteropServices.SafeHandle.DangerousAddRef"/> taken here) and releases it.
    /// </summary>
    public DatasetHandle Acquire(int maxBin, int fold, bool valid, int[] rows)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var key = (maxBin, fold, rows.Length, valid);
            if (!_subsets.TryGetValue(key, out var entry))
            {
                var sorted = (int[])rows.Clone();
                Array.Sort(sorted);
                var full = Full(maxBin);
                LightGbmApi.Check(LightGbmApi.LGBM_DatasetGetSubset(full.Handle, sorted, sorted.Length, Parameters(maxBin), out var subset));
                entry = new Entry(new DatasetHandle(subset), Bytes(sorted.Length, maxBin));
                _subsets[key] = entry;
            }

            entry.LastUsed = ++_clock;
            var added = false;
            entry.Handle.DangerousAddRef(ref added);
            return entry.Handle;
        }
    }

    /// <summary>Frees the least recently used datasets while more than the cap is held (call between trials).</summary>
    public void Trim()
    {
        lock (_gate)
        {
            while (_full.Values.Concat(_subsets.Values).Sum(e => e.Bytes) > MaxBytes && (_full.Count + _subsets.Count) > 0)
            {
                var oldestSubset = _subsets.OrderBy(p => p.Value.LastUsed).FirstOrDefault();
                var oldestFull = _full.OrderBy(p => p.Value.LastUsed).FirstOrDefault();
                if (oldestFull.Value is not null && (oldestSubset.Value is null || oldestFull.Value.LastUsed < oldestSubset.Value.LastUsed))
                {
                    oldestFull.Value.Handle.Dispose();
                    _full.Remove(oldestFull.Key);
                }
                else
                {
                    oldestSubset.Value!.Handle.Dispose();
                    _subsets.Remove(oldestSubset.Key);
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // A booster still training on an abandoned worker holds its own references; the memory is freed when it lets go.
            foreach (var entry in _subsets.Values.Concat(_full.Values))
            {
                entry.Handle.Dispose();
            }

            _subsets.Clear();
            _full.Clear();
        }
    }

    private Entry Full(int maxBin)
    {
        if (_full.TryGetValue(maxBin, out var entry))
        {
            entry.LastUsed = ++_clock;
            return entry;
        }

        // Flattened per bin count and dropped after: binning dominates, and a kept copy would double the memory.
        var matrix = Flatten();
        LightGbmApi.Check(LightGbmApi.LGBM_DatasetCreateFromMat(
            matrix, LightGbmApi.Float32, _rows.Length, _width, 1, Parameters(maxBin), IntPtr.Zero, out var handle));
        var dataset = new DatasetHandle(handle);
        LightGbmApi.Check(LightGbmApi.LGBM_DatasetSetField(dataset, "label", _labels, _labels.Length, LightGbmApi.Float32));
        entry = new Entry(dataset, Bytes(_rows.Length, maxBin)) { LastUsed = ++_clock };
        _full[maxBin] = entry;
        return entry;
    }

    private float[] Flatten()
    {
        var matrix = new float[(long)_rows.Length * _width];
        for (var r = 0; r < _rows.Length; r++)
        {
            Array.Copy(_rows[r], 0, matrix, (long)r * _width, _width);
        }

        return matrix;
    }

    /// <summary>
    /// Binning parameters. feature_pre_filter is off because one dataset serves trials with different
    /// min_data_in_leaf (LightGBM would otherwise drop features unsplittable under the first trial's value).
    /// </summary>
    private string Parameters(int maxBin) => string.Create(
        CultureInfo.InvariantCulture,
        $"max_bin={maxBin} feature_pre_filter=false num_threads={_threads} data_random_seed={_seed} verbose=-1");

    private long Bytes(int rows, int maxBin) => ((long)rows * _width * (maxBin > 255 ? 2 : 1)) + (rows * 8L);

    private sealed class Entry(DatasetHandle handle, long bytes)
    {
        public DatasetHandle Handle { get; } = handle;

        public long Bytes { get; } = bytes;

        public long LastUsed { get; set; }
    }
}
