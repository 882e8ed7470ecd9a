using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsPerspectives.Benchmarks.Quality;

namespace NewsPerspectives.Benchmarks.Training;

/// <summary>
/// <c>relevance-train [--out FILE] [--l2 LAMBDA] [--tangential TARGET|none] [--registry FILE] [--verbose]</c>: trains <see cref="RelevanceModel"/>
/// on the development labels (Data/labels/dev-labels.json, the repository's copy): logistic regression over the
/// filter's own features (computed by the library, on the articles the pipeline would see), label 2 as on topic (target
/// 1), label 0 as off topic (target 0) and label 1, tangential, in between (<c>--tangential 0.3</c>, or <c>none</c> to
/// leave it out), L2-regularised, fitted by Newton's method. Kept and dropped shares count labels 2 and 0 only.
/// It reports leave-one-topic-out cross-validation (each topic scored by a model and a threshold chosen without it)
/// and the in-sample figures of the final model, and writes the model JSON to <c>--out</c> (e.g.
/// <c>src/NewsPerspectives/Relevance/relevance-model.json</c>).
/// </summary>
/// <remarks>
/// The threshold is chosen on out-of-fold probabilities: the one with the largest margin over both targets (label-2
/// kept ≥ <see cref="KeepTarget"/>, label-0 dropped ≥ <see cref="DropTarget"/>), i.e. the largest
/// min(kept − target, dropped − target). Deterministic: no random split, no random start.
/// </remarks>
internal static class RelevanceTraining
{
    /// <summary>Default L2 penalty on the weights (not the intercept).</summary>
    public const double DefaultL2 = 1.0;

    /// <summary>
    /// The target probability of a label-1 (tangential) article in training: between off topic (0) and on topic (1), so
    /// the tangential lines teach the model which signals lean which way without counting as either class.
    /// </summary>
    public const double DefaultTangentialTarget = 0.3;

    /// <summary>The target share of label-2 articles kept.</summary>
    public const double KeepTarget = 0.95;

    /// <summary>The target share of label-0 articles dropped.</summary>
    public const double DropTarget = 0.90;

    private const int NewtonIterations = 50;
    private const double Convergence = 1e-10;
    private const int WeightDecimals = 4;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is int at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var l2 = Option("--l2") is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : DefaultL2;
        double? tangential = Option("--tangential") switch
        {
            null => DefaultTangentialTarget,
            "none" => null,
            var value => double.Parse(value, CultureInfo.InvariantCulture),
        };
        var registry = Option("--registry") is { } path
            ? new OutletRegistry(OutletRegistryLoader.LoadFile(path), OutletRegistry.Default.DomainCountries)
            : OutletRegistry.Default;
        var examples = Examples(LabeledDigests.Load(), registry);
        var topics = examples.Select(e => e.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        examples = examples.Where(e => e.Scored || tangential is not null).Select(e => e with { Target = e.OnTopic ? 1 : e.Scored ? 0 : tangential!.Value }).ToList();
        Console.WriteLine($"relevance-train: {examples.Count} labelled lines of {topics.Length} topics ({examples.Count(e => e.OnTopic)} label 2, " +
            $"{examples.Count(e => e.Relevance == 0)} label 0, {examples.Count(e => !e.Scored)} label 1 " +
            $"{(tangential is null ? "left out" : $"with target {tangential.Value.ToString(CultureInfo.InvariantCulture)}")}), " +
            $"{RelevanceModel.FeatureNames.Count} features, L2 {l2.ToString(CultureInfo.InvariantCulture)}");

        // Leave one topic out: a model and a threshold chosen without the topic score the topic.
        var outOfFold = new double[examples.Count];
        var foldThreshold = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            var train = examples.Where(e => e.Topic != topic).ToList();
            var (intercept, weights) = Fit(train, l2);
            var inner = OutOfFold(train, l2);
            foldThreshold[topic] = ChooseThreshold(train, inner);
            for (int i = 0; i < examples.Count; i++)
            {
                if (examples[i].Topic == topic)
                {
                    outOfFold[i] = Probability(intercept, weights, examples[i].X);
                }
            }
        }

        Console.WriteLine("leave-one-topic-out cross-validation (each topic scored by a model and a threshold fitted on the other four):");
        Console.WriteLine("| held-out topic | threshold | label 2 kept | label 0 dropped |");
        Console.WriteLine("| --- | --- | --- | --- |");
        var cvKept = new List<bool>();
        foreach (var topic in topics)
        {
            var indices = Enumerable.Range(0, examples.Count).Where(i => examples[i].Topic == topic).ToArray();
            var kept = indices.Select(i => outOfFold[i] >= foldThreshold[topic]).ToArray();
            Console.WriteLine($"| {topic} | {foldThreshold[topic].ToString("0.00", CultureInfo.InvariantCulture)} | " +
                $"{Rate(indices.Where((i, k) => examples[i].OnTopic && kept[k]).Count(), indices.Count(i => examples[i].OnTopic))} | " +
                $"{Rate(indices.Where((i, k) => examples[i].Relevance == 0 && !kept[k]).Count(), indices.Count(i => examples[i].Relevance == 0))} |");
        }

        var cv = Figures(examples, i => outOfFold[i] >= foldThreshold[examples[i].Topic]);
        Console.WriteLine($"| all (CV) | per topic | {cv.Kept} | {cv.Dropped} |");

        // The shipped model: fitted on everything; its threshold from the out-of-fold probabilities of all five topics.
        var (finalIntercept, finalWeights) = Fit(examples, l2);
        finalIntercept = Math.Round(finalIntercept, WeightDecimals);
        finalWeights = finalWeights.Select(w => Math.Round(w, WeightDecimals)).ToArray();
        var threshold = Math.Round(ChooseThreshold(examples, outOfFold), 2);
        var model = new RelevanceModel(finalIntercept, RelevanceModel.FeatureNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => finalWeights[p.i]), threshold);
        var inSample = Figures(examples, i => model.Probability(examples[i].Features) >= threshold);
        Console.WriteLine($"final model (all 25 posts), threshold {threshold.ToString("0.00", CultureInfo.InvariantCulture)} (from the out-of-fold probabilities): " +
            $"in-sample label 2 kept {inSample.Kept}, label 0 dropped {inSample.Dropped}");
        Console.WriteLine("| feature | weight |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine($"| (intercept) | {finalIntercept.ToString("0.0000", CultureInfo.InvariantCulture)} |");
        foreach (var name in RelevanceModel.FeatureNames)
        {
            Console.WriteLine($"| {name} | {model.Weights[name].ToString("0.0000", CultureInfo.InvariantCulture)} |");
        }

        if (args.Contains("--verbose"))
        {
            for (int i = 0; i < examples.Count; i++)
            {
                bool kept = outOfFold[i] >= foldThreshold[examples[i].Topic];
                if (examples[i].Scored && kept != examples[i].OnTopic)
                {
                    Console.WriteLine($"  CV miss: label {(examples[i].OnTopic ? 2 : 0)} {(kept ? "KEPT" : "DROPPED")} {examples[i].Key} p={outOfFold[i].ToString("0.00", CultureInfo.InvariantCulture)} {examples[i].Title}");
                    Console.WriteLine("      " + string.Join(" ", examples[i].Features.Where(f => f.Value != 0).Select(f => f.Key)) + $" [{examples[i].Outlet} {examples[i].Country}]");
                }
            }
        }

        if (Option("--out") is { } output)
        {
            Write(output, model, l2, examples, cv, inSample);
            Console.WriteLine($"wrote {output}");
        }

        return Task.FromResult(0);
    }

    private static List<Example> Examples(IReadOnlyList<LabeledPost> posts, OutletRegistry registry)
    {
        var examples = new List<Example>();
        foreach (var post in posts)
        {
            var signals = new RelevanceSignals(post.Topic, builtInTerms: true, useWriterSide: true);
            var byLink = new Dictionary<string, Article>(StringComparer.Ordinal);
            foreach (var (feed, items) in post.Feeds())
            {
                var read = new FeedReadResult { Status = FeedStatus.Ok, Items = items };
                for (int i = 0; i < items.Count; i++)
                {
                    if (ArticleNormalizer.Normalize(items[i], feed, read, i).Article is { } article)
                    {
                        byLink.TryAdd(article.Link, OutletNormalizationFilter.Canonicalize(article, registry));
                    }
                }
            }

            foreach (var line in post.Lines)
            {
                var article = byLink[ArticleNormalizer.ResolveLink(line.Link, null)!];
                var features = signals.Evaluate(article).Features;
                examples.Add(new Example(line.Key, post.Topic.Id, line.Title, article.Outlet, article.OutletCountry, line.Relevance, features,
                    RelevanceModel.FeatureNames.Select(n => features[n]).ToArray()));
            }
        }

        return examples;
    }

    // L2-regularised logistic regression by Newton's method (the intercept is not penalised).
    private static (double Intercept, double[] Weights) Fit(IReadOnlyList<Example> examples, double l2)
    {
        int d = RelevanceModel.FeatureNames.Count + 1;
        var beta = new double[d];
        for (int iteration = 0; iteration < NewtonIterations; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            foreach (var example in examples)
            {
                var x = Augmented(example.X);
                double p = Sigmoid(Dot(beta, x));
                double residual = p - example.Target;
                double w = p * (1 - p);
                for (int a = 0; a < d; a++)
                {
                    gradient[a] += residual * x[a];
                    for (int b = 0; b < d; b++)
                    {
                        hessian[a, b] += w * x[a] * x[b];
                    }
                }
            }

            for (int a = 1; a < d; a++)
            {
                gradient[a] += l2 * beta[a];
                hessian[a, a] += l2;
            }

            var step = Solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < d; a++)
            {
                beta[a] -= step[a];
                change = Math.Max(change, Math.Abs(step[a]));
            }

            if (change < Convergence)
            {
                break;
            }
        }

        return (beta[0], beta[1..]);
    }

    // Out-of-fold probabilities within a set of examples, leaving each of its topics out in turn.
    private static double[] OutOfFold(IReadOnlyList<Example> examples, double l2)
    {
        var result = new double[examples.Count];
        foreach (var topic in examples.Select(e => e.Topic).Distinct(StringComparer.Ordinal))
        {
            var (intercept, weights) = Fit(examples.Where(e => e.Topic != topic).ToList(), l2);
            for (int i = 0; i < examples.Count; i++)
            {
                if (examples[i].Topic == topic)
                {
                    result[i] = Probability(intercept, weights, examples[i].X);
                }
            }
        }

        return result;
    }

    // The threshold (in steps of 0.01) with the largest min(kept − KeepTarget, dropped − DropTarget); the middle of a tie.
    private static double ChooseThreshold(IReadOnlyList<Example> examples, double[] probabilities)
    {
        int positives = examples.Count(e => e.OnTopic), negatives = examples.Count(e => e.Relevance == 0);
        var margins = Enumerable.Range(1, 99).Select(k =>
        {
            double t = k / 100.0;
            int kept = 0, dropped = 0;
            for (int i = 0; i < examples.Count; i++)
            {
                bool keep = probabilities[i] >= t;
                kept += examples[i].OnTopic && keep ? 1 : 0;
                dropped += examples[i].Relevance == 0 && !keep ? 1 : 0;
            }

            return (Threshold: t, Margin: Math.Min((double)kept / positives - KeepTarget, (double)dropped / negatives - DropTarget));
        }).ToList();
        double best = margins.Max(m => m.Margin);
        var ties = margins.Where(m => m.Margin >= best - 1e-12).ToList();
        return ties[ties.Count / 2].Threshold;
    }

    private static (string Kept, string Dropped, double KeptShare, double DroppedShare) Figures(IReadOnlyList<Example> examples, Func<int, bool> kept)
    {
        int k2 = 0, n2 = 0, d0 = 0, n0 = 0;
        for (int i = 0; i < examples.Count; i++)
        {
            if (examples[i].OnTopic)
            {
                n2++;
                k2 += kept(i) ? 1 : 0;
            }
            else if (examples[i].Relevance == 0)
            {
                n0++;
                d0 += kept(i) ? 0 : 1;
            }
        }

        return (Rate(k2, n2), Rate(d0, n0), (double)k2 / n2, (double)d0 / n0);
    }

    private static void Write(string path, RelevanceModel model, double l2, IReadOnlyList<Example> examples,
        (string Kept, string Dropped, double KeptShare, double DroppedShare) cv, (string Kept, string Dropped, double KeptShare, double DroppedShare) inSample)
    {
        var document = new Dictionary<string, object>
        {
            ["description"] = "Weights of NewsPerspectives' relevance filter (RelevanceModel): logistic regression over the filter's features, " +
                "trained on the development labels (dev-labels.json: 25 posts; label 2 = on topic, label 0 = off topic, label 1 = tangential, in between), " +
                "L2-regularised. Generated; do not edit by hand: re-run the command.",
            ["command"] = "dotnet run -c Release --project benchmarks/NewsPerspectives.Benchmarks -- relevance-train --out src/NewsPerspectives/Relevance/relevance-model.json",
            ["trainedOn"] = $"{examples.Count} lines: {examples.Count(e => e.OnTopic)} label 2 (target 1), {examples.Count(e => e.Relevance == 0)} label 0 (target 0), " +
                $"{examples.Count(e => !e.Scored)} label 1" + (examples.FirstOrDefault(e => !e.Scored) is { } t ? $" (target {t.Target.ToString(CultureInfo.InvariantCulture)})" : ""),
            ["l2"] = l2,
            ["crossValidation"] = $"leave one topic out: label 2 kept {cv.Kept}, label 0 dropped {cv.Dropped}",
            ["inSample"] = $"label 2 kept {inSample.Kept}, label 0 dropped {inSample.Dropped}",
            ["intercept"] = model.Intercept,
            ["threshold"] = model.Threshold,
            ["weights"] = RelevanceModel.FeatureNames.ToDictionary(n => n, n => model.Weights[n]),
        };
        var json = JsonSerializer.Serialize(document, JsonOptions);
        File.WriteAllText(path, json.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n", new UTF8Encoding(false));
    }

    private static double[] Augmented(double[] x) => [1, .. x];

    private static double Probability(double intercept, double[] weights, double[] x) => Sigmoid(intercept + Dot(weights, x));

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    // Gaussian elimination with partial pivoting; the Hessian plus the L2 term is positive definite.
    private static double[] Solve(double[,] matrix, double[] vector)
    {
        int n = vector.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])vector.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            for (int k = 0; k < n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (int row = col + 1; row < n; row++)
            {
                double factor = a[row, col] / a[col, col];
                for (int k = col; k < n; k++)
                {
                    a[row, k] -= factor * a[col, k];
                }

                b[row] -= factor * b[col];
            }
        }

        var x = new double[n];
        for (int row = n - 1; row >= 0; row--)
        {
            double sum = b[row];
            for (int k = row + 1; k < n; k++)
            {
                sum -= a[row, k] * x[k];
            }

            x[row] = sum / a[row, row];
        }

        return x;
    }

    private static string Rate(int a, int b) => b == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * a / b:F1}% ({a}/{b})");

    private sealed record Example(string Key, string Topic, string Title, string Outlet, string? Country, int Relevance, IReadOnlyDictionary<string, double> Features, double[] X)
    {
        public double Target { get; init; }

        public bool OnTopic => Relevance == 2;

        public bool Scored => Relevance != 1;
    }
}
