using System.Reflection;
using Microsoft.ML;

namespace Vigil.AutoML.Training;

/// <summary>
/// Stops a running ML.NET training. MLContext's environment implements the internal ICancelable interface;
/// trainers check it between iterations and then throw <see cref="OperationCanceledException"/>. Reached
/// through reflection because ML.NET does not expose it publicly; when absent, trials run to completion.
/// </summary>
internal static class MLContextCancellation
{
    private static readonly FieldInfo? EnvField = typeof(MLContext).GetField("_env", BindingFlags.NonPublic | BindingFlags.Instance);

    private static readonly MethodInfo? Cancel = EnvField?.FieldType
        .GetInterfaces()
        .FirstOrDefault(i => i.Name == "ICancelable")
        ?.GetMethod("CancelExecution");

    public static bool Supported => Cancel is not null;

    public static CancellationTokenRegistration Register(MLContext ml, CancellationToken token)
    {
        if (Cancel is null || EnvField?.GetValue(ml) is not { } env)
        {
            return default;
        }

        return token.Register(() => Cancel.Invoke(env, null));
    }
}
