using System.Globalization;

namespace Vigil.AutoML.Native;

/// <summary>
/// LightGBM datasets for search trials, binned once and reused. ML.NET's LightGBM trainer converts and bins its input
/// in every fit (≈ 80 ms per trial on 32 000 × 6 rows, most of a small trial's cost); here the training rows are binned
/// once, and each fold's training sample and validation rows are subsets of that (same bin boundaries, so a validation
/// subset can be attached to a booster trained on a training subset).
/// Bin boundaries come from the features of all training rows, validation rows included: features only, never labels.
/// </summary>
internal sealed class DatasetCache : IDisposable
{
    /// <summary>Binned datasets kept at most (bytes, estimated); the least recently used go first.</summary>
    private const long MaxBytes = 1L << 30;

    /// <summary>Key of the dataset of all training rows, which the subsets are taken from.</summary>
    private static readonly (int Fold, int Size, bool Valid) AllRows = (-1, 0, false);

    /// <summary>
    /// Bins summed over the features that a leaf's histogram may hold. Finding a leaf's split scans every bin of every
    /// feature, so past this the bin count, not the rows, sets a trial's cost: on 10 000 rows × 30 numeric features at
    /// 1023 bins a 67-tree, 69-leaf trial took 2.0 s, against 0.6 s on elec's 32 624 rows × 8. Every benchmark dataset
    /// stays under it (elec ≈ 8 000, breast_cancer ≈ 13 000); 300 continuous features would need 307 000.
    /// </summary>
    internal const long BinBudget = 65_536;

    /// <summary>The fewest bins per feature the budget may bring a dataset down to (FLAML's default, 2^8 − 1).</summary>
    internal const int MinBinCount = 255;

    private readonly object _gate = new();
    private readonly float[][] _rows;
    private readonly float[] _labels;
    private readonly int _width;
    private readonly int _maxBin;
    private readonly int _threads;
    private readonly int _seed;
    private int? _bins;
    private readonly Dictionary<(int Fold, int Size, bool Valid), Entry> _datasets = [];
    private long _clock;
    private bool _disposed;

    /// <param name="rows">Feature rows.</param>
    /// <param name="labels">Per-row label as LightGBM reads it: 0/1, class index or target.</param>
    /// <param name="maxBin">Bins per feature at most (LightGBM's max_bin).</param>
    /// <param name="rawValues">Keep each feature's raw values beside its bins (LightGBM's linear_tree), which linear
    /// trees fit their leaf models on; 4 bytes more per row and feature.</param>
    public DatasetCache(float[][] rows, float[] labels, int width, int maxBin, int threads, int seed, bool rawValues = false)
    {
        RawValues = rawValues;
        _rows = rows;
        _labels = labels;
        _width = width;
        _maxBin = maxBin;
        _threads = threads;
        _seed = seed;
    }

    /// <summary>True when the datasets keep raw values for linear trees.</summary>
    public bool RawValues { get; }

    /// <summary>Bins per feature at most, as the rows were binned (decided at the first binning, see <see cref="BinBudget"/>).</summary>
    public int Bins
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_bins is null)
                {
                    All();
                }

                return _bins!.Value;
            }
        }
    }

    /// <summary>
    /// The largest of max_bin, 511, 255 whose per-feature bin counts (capped at it) fit <see cref="BinBudget"/>;
    /// 255 when none does. <paramref name="featureBins"/> are the counts at max_bin.
    /// </summary>
    internal static int ChooseBins(IReadOnlyList<int> featureBins, int maxBin)
    {
        for (var bins = maxBin; bins > MinBinCount; bins = ((bins + 1) / 2) - 1)
        {
            if (featureBins.Sum(b => (long)Math.Min(b, bins)) <= BinBudget)
            {
                return bins;
            }
        }

        return Math.Min(maxBin, MinBinCount);
    }

    /// <summary>
    /// feature_pre_filter is off because one dataset serves trials with different min_data_in_leaf (LightGBM would
    /// otherwise drop features unsplittable under the first trial's value). linear_tree is a dataset parameter in
    /// LightGBM: it keeps the raw values; boosters without linear trees train on such a dataset as on any other.
    /// </summary>
    private string Parameters(int bins) => string.Create(
        CultureInfo.InvariantCulture,
        $"max_bin={bins} feature_pre_filter=false linear_tree={(RawValues ? "true" : "false")} num_threads={_threads} data_random_seed={_seed} verbose=-1");

    /// <summary>
    /// The dataset of <paramref name="rows"/>: a fold's training sample or validation rows, identified by
    /// <paramref name="fold"/>, <paramref name="valid"/> and the row count. The caller owns one reference
    /// (<see cref="System.Runtime.InteropServices.SafeHandle.DangerousAddRef"/> taken here) and releases it.
    /// </summary>
    public DatasetHandle Acquire(int fold, bool valid, int[] rows)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var key = (fold, rows.Length, valid);
            if (!_datasets.TryGetValue(key, out var entry))
            {
                var sorted = (int[])rows.Clone();
                Array.Sort(sorted);
                var all = All();
                LightGbmApi.Check(LightGbmApi.LGBM_DatasetGetSubset(all.Handle, sorted, sorted.Length, Parameters(_bins!.Value), out var subset));
                entry = new Entry(new DatasetHandle(subset), Bytes(sorted.Length));
                _datasets[key] = entry;
            }

            entry.LastUsed = ++_clock;
            var added = false;
            entry.Handle.DangerousAddRef(ref added);
            return entry.Handle;
        }
    }

    /// <summary>The dataset of all training rows (for a refit); the caller releases the reference taken here.</summary>
    public DatasetHandle AcquireAll()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var handle = All().Handle;
            var added = false;
            handle.DangerousAddRef(ref added);
            return handle;
        }
    }

    /// <summary>Frees the least recently used datasets while more than the cap is held (call between trials).</summary>
    public void Trim()
    {
        lock (_gate)
        {
            while (_datasets.Count > 0 && _datasets.Values.Sum(e => e.Bytes) > MaxBytes)
            {
                var oldest = _datasets.MinBy(p => p.Value.LastUsed);
                oldest.Value.Handle.Dispose();
                _datasets.Remove(oldest.Key);
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
            foreach (var entry in _datasets.Values)
            {
                entry.Handle.Dispose();
            }

            _datasets.Clear();
        }
    }

    /// <summary>All training rows, binned (subsets copy what they need, so it may be evicted before them).</summary>
    private Entry All()
    {
        if (_datasets.TryGetValue(AllRows, out var entry))
        {
            entry.LastUsed = ++_clock;
            return entry;
        }

        // Flattened here and dropped after: binning dominates, and a kept copy would double the memory.
        var matrix = RowMajor.Flatten(_rows, _width);
        var dataset = Bin(matrix, _bins ?? _maxBin);
        if (_bins is null)
        {
            var featureBins = new int[_width];
            for (var f = 0; f < _width; f++)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_DatasetGetFeatureNumBin(dataset, f, out featureBins[f]));
            }

            _bins = ChooseBins(featureBins, _maxBin);
            if (_bins != _maxBin)
            {
                dataset.Dispose();
                dataset = Bin(matrix, _bins.Value);
            }
        }

        entry = new Entry(dataset, Bytes(_rows.Length)) { LastUsed = ++_clock };
        _datasets[AllRows] = entry;
        return entry;
    }

    private DatasetHandle Bin(float[] matrix, int bins)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_DatasetCreateFromMat(matrix, LightGbmApi.Float32, _rows.Length, _width, 1, Parameters(bins), IntPtr.Zero, out var handle));
        var dataset = new DatasetHandle(handle);
        LightGbmApi.Check(LightGbmApi.LGBM_DatasetSetField(dataset, "label", _labels, _labels.Length, LightGbmApi.Float32));
        return dataset;
    }

    private long Bytes(int rows) => ((long)rows * _width * (((_bins ?? _maxBin) > 255 ? 2 : 1) + (RawValues ? 4 : 0))) + (rows * 8L);

    private sealed class Entry(DatasetHandle handle, long bytes)
    {
        public DatasetHandle Handle { get; } = handle;

        public long Bytes { get; } = bytes;

        public long LastUsed { get; set; }
    }
}
