using Microsoft.Extensions.Options;

namespace OpenCpts.Web.Infrastructure;

/// <summary>The one way settings are read: a section bound to a class, checked when the host starts.</summary>
public static class OptionsValidees
{
    /// <summary>
    /// Binds <paramref name="section"/> to <typeparamref name="T"/>, validated by its data annotations (and any
    /// <see cref="Microsoft.Extensions.Options.IValidateOptions{TOptions}"/> registered) when the host starts, so that a
    /// misconfiguration stops the start with a message naming the setting. Consumers take <c>IOptions&lt;T&gt;</c>.
    /// </summary>
    public static OptionsBuilder<T> AddOptionsValidees<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
