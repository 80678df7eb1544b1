/// podread's version, for `--version` and the User-Agent of its requests.
public enum PodreadVersion {
    public static let number = "0.13.0"
}
