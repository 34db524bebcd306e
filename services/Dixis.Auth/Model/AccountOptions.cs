using System.ComponentModel.DataAnnotations;

namespace Dixis.Auth.Model;

/// <summary>Account settings (section <c>Auth</c>).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Auth";

    /// <summary>The market's language, given to accounts that do not choose one.</summary>
    [Required]
    [RegularExpression("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", ErrorMessage = "Auth:DefaultLanguage must be a BCP-47 language code such as 'el'.")]
    public string DefaultLanguage { get; set; } = "el";
}
