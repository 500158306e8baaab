using System.Reflection;

namespace Vigil.AutoML.Learners;

/// <summary>
/// Passes a native LightGBM parameter that ML.NET's options do not expose (e.g. extra_trees). ML.NET's LightGBM
/// trainers keep the parameters handed to the native booster in a non-public dictionary, GbmOptions; it is reached
/// by reflection, as <c>MLContextCancellation</c> reaches the cancellation hook.
/// </summary>
internal static class LightGbmParameters
{
    public static void Set(object trainer, string name, string value)
    {
        for (var type = trainer.GetType(); type is not null; type = type.BaseType)
        {
            var field = type.GetField("GbmOptions", BindingFlags.NonPublic | BindingFlags.Instance);
            if (field?.GetValue(trainer) is IDictionary<string, object> options)
            {
                options[name] = value;
                return;
            }
        }

        throw new NotSupportedException($"This ML.NET LightGBM build does not allow setting '{name}'.");
    }
}
