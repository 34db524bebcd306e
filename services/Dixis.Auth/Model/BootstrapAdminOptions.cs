using System.ComponentModel.DataAnnotations;

namespace Dixis.Auth.Model;

/// <summary>
/// The first administrator (section <c>Auth:BootstrapAdmin</c>): when both are set and no account has the email,
/// it is created at start with the roles customer and admin. The password is never logged.
/// </summary>
public sealed class BootstrapAdminOptions : IValidatableObject
{
    public const string SectionName = "Auth:BootstrapAdmin";

    [EmailAddress]
    public string? Email { get; set; }

    [MinLength(10)]
    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Email) && !string.IsNullOrEmpty(Password);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Email) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Auth:BootstrapAdmin needs both Email and Password, or neither.", [nameof(Email), nameof(Password)]);
        }
    }
}
